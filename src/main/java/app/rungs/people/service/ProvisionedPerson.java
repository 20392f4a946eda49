package app.rungs.people.service;

import app.rungs.security.domain.Role;
import java.util.Set;

/** A person as Rungs answers an identity provider: what the SCIM user resource shows. */
public record ProvisionedPerson(
        Long id,
        String userName,
        String fullName,
        String jobTitle,
        String department,
        Long managerId,
        String managerName,
        String externalId,
        String employeeNumber,
        boolean active,
        Set<Role> roles,
        long version) {

    /** The desired-state form of this person, for a partial change (PATCH) to start from. */
    public ProvisionedUser toUser() {
        return new ProvisionedUser(
                userName, fullName, jobTitle, department, managerId, externalId, employeeNumber, active);
    }
}
