package app.rungs.checkin.ui;

import app.rungs.checkin.service.CheckInReads;
import app.rungs.checkin.service.CheckInService;
import org.springframework.stereotype.Component;

/** The check-in services the screens work with, handed around as one; each checks access itself. */
@Component
public record CheckInServices(CheckInReads reads, CheckInService checkIns) {}
