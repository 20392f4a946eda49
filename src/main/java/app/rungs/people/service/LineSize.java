package app.rungs.people.service;

/** How many people a manager's reporting line holds (direct and indirect), and how many report to them directly. */
public record LineSize(long total, long direct) {}
