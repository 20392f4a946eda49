package app.rungs.scim.service;

/**
 * What became of a deactivation an identity provider asked for.
 *
 * @param detail for a held one: why, in words the identity provider's log shows an admin
 */
public record DeactivationOutcome(Kind kind, String detail) {

    public enum Kind {
        APPLIED,
        ALREADY_INACTIVE,
        HELD
    }

    public boolean held() {
        return kind == Kind.HELD;
    }
}
