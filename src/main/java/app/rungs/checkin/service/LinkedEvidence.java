package app.rungs.checkin.service;

/** An evidence item of the engineer a rating points to, with its title as it was when linked. */
public record LinkedEvidence(Long id, String title) {}
