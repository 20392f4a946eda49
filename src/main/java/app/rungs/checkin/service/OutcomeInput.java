package app.rungs.checkin.service;

import app.rungs.checkin.domain.Rating;

/** The outcome the engineer and the manager agreed for one competency, with an optional note. */
public record OutcomeInput(Rating outcome, String note) {}
