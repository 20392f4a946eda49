package app.rungs.security.service;

/**
 * A single sign-on that Rungs refuses after the provider authenticated the user: the reason is shown on the sign-in
 * page as is, so it names what is wrong and who can fix it, never a stack trace.
 */
public final class SsoRefusal extends RuntimeException {

    /** Why; also the OAuth2 error code the sign-in failure carries. */
    public enum Reason {
        EMAIL_MISSING,
        EMAIL_UNVERIFIED,
        NO_ACCOUNT,
        AMBIGUOUS_ACCOUNT,
        LINKED_TO_OTHER_IDENTITY,
        ACCOUNT_DISABLED,
        NO_ROLE
    }

    private final Reason reason;

    public SsoRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return "rungs_" + reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
