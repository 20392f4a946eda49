package app.rungs.people.service;

/** What an applied HRIS import changed. */
public record ImportResult(
        int created, int updated, int unchanged, int teamsCreated, int accountsCreated, long millis) {}
