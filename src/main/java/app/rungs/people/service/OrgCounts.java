package app.rungs.people.service;

/** Headline numbers of the organization for the admin home page. */
public record OrgCounts(long activePeople, long managers, long teams, long ladders, long withoutLevel) {}
