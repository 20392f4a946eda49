package app.rungs.scim.web;

import app.rungs.people.service.ProvisionedPerson;
import app.rungs.people.service.ProvisionedUser;

/**
 * A user being assembled from a SCIM body or PATCH: SCIM splits the name into parts Rungs keeps as one full name,
 * so the parts are collected here and combined at the end.
 */
final class UserDraft {

    String userName;
    String currentFullName;
    String displayName;
    String formatted;
    String givenName;
    String familyName;
    String title;
    String department;
    Long managerId;
    String externalId;
    String employeeNumber;
    boolean active = true;
    String workEmail;

    static UserDraft empty() {
        return new UserDraft();
    }

    static UserDraft of(ProvisionedPerson p) {
        var d = new UserDraft();
        d.userName = p.userName();
        d.currentFullName = p.fullName();
        d.title = p.jobTitle();
        d.department = p.department();
        d.managerId = p.managerId();
        d.externalId = p.externalId();
        d.employeeNumber = p.employeeNumber();
        d.active = p.active();
        return d;
    }

    ProvisionedUser toUser() {
        if (workEmail != null && userName != null && !workEmail.strip().equalsIgnoreCase(userName.strip())) {
            throw ScimError.badRequest(
                    "invalidValue",
                    "Rungs keeps one address per person, its username: the work email " + workEmail
                            + " differs from the userName " + userName + ". Map userName to the work email in the"
                            + " identity provider.");
        }
        return new ProvisionedUser(
                userName, fullName(), title, department, managerId, externalId, employeeNumber, active);
    }

    /** displayName, else name.formatted, else given and family name (a part not sent keeps its current value). */
    String fullName() {
        if (notBlank(displayName)) {
            return displayName;
        }
        if (notBlank(formatted)) {
            return formatted;
        }
        if (notBlank(givenName) || notBlank(familyName)) {
            var current = currentFullName == null ? "" : currentFullName.strip();
            int space = current.indexOf(' ');
            var given = givenName != null ? givenName : space < 0 ? current : current.substring(0, space);
            var family = familyName != null ? familyName : space < 0 ? "" : current.substring(space + 1);
            return (given.strip() + " " + family.strip()).strip();
        }
        return currentFullName;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
