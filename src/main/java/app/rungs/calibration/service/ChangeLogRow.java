package app.rungs.calibration.service;

import java.time.Instant;

/** One line of a session's change log: who changed which engineer's what, when, from what to what, and why. */
public record ChangeLogRow(
        Instant at, String actorName, String engineer, String field, String from, String to, String reason) {}
