package app.rungs.calibration.ui;

import app.rungs.calibration.service.CalibrationAgenda;
import app.rungs.calibration.service.PreRatings;
import app.rungs.calibration.service.SessionRecord;
import org.springframework.stereotype.Component;

/** The calibration protocol's services, handed to the board as one: pre-ratings, agenda and the session record. */
@Component
public record ProtocolServices(PreRatings preRatings, CalibrationAgenda agenda, SessionRecord record) {}
