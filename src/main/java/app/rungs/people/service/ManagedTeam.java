package app.rungs.people.service;

/** A manager and how many active people report to them directly; the team name is theirs, else their reports'. */
public record ManagedTeam(Long managerId, String managerName, String teamName, int people) {}
