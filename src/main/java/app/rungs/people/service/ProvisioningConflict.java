package app.rungs.people.service;

import app.rungs.shared.service.ValidationException;

/** A provisioned value another person already holds (a username, an externalId): SCIM's "uniqueness" error. */
public class ProvisioningConflict extends ValidationException {
    public ProvisioningConflict(String message) {
        super(message);
    }
}
