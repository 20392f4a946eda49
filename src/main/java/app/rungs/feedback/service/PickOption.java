package app.rungs.feedback.service;

/** An evidence item or promotion case the requester may ask about, as offered in the request form. */
public record PickOption(Long id, String label) {}
