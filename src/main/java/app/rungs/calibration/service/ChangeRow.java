package app.rungs.calibration.service;

import app.rungs.calibration.domain.EntryField;
import java.time.Instant;

/** One line of an entry's history: who changed which field when, from what to what. */
public record ChangeRow(Instant at, String actorName, EntryField field, String from, String to) {}
