package app.rungs.calibration.service;

/** Someone who has the session board open right now. */
public record Viewer(String username, String displayName) {}
