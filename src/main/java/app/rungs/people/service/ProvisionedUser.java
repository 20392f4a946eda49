package app.rungs.people.service;

/**
 * A person as an identity provider describes them (SCIM core and enterprise user): the whole desired state, so a
 * replace clears what is left out. The person's email is their username (Rungs signs people in by email).
 *
 * @param department the name of the person's team; a team of that name is created when none exists
 * @param managerId the Rungs id (the SCIM id) of their manager, or null
 * @param active false asks for a deactivation, which goes through the safety valve, not through a replace
 */
public record ProvisionedUser(
        String userName,
        String fullName,
        String jobTitle,
        String department,
        Long managerId,
        String externalId,
        String employeeNumber,
        boolean active) {}
