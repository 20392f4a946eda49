package app.rungs.feedback.service;

/** Something peers are asked about: a competency of the engineer's path (key and name) or the item as a whole. */
public record Topic(String key, String name) {}
