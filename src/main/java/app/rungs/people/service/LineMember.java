package app.rungs.people.service;

/** A person of a reporting line with their direct manager: what progress views group by. */
public record LineMember(
        Long id, String fullName, Long managerId, String managerName, String teamName, String managerTeamName) {}
