package app.rungs.checkin.service;

/** Someone the signed-in user may start a check-in for: themselves or a direct report. */
public record Startable(Long personId, String fullName, boolean self) {}
