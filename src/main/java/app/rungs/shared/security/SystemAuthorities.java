package app.rungs.shared.security;

/**
 * Authorities of narrow system identities: not roles of a person, but what one kind of machine caller may do. A
 * webhook delivery whose signature checked out runs with {@link #EXTERNAL_EVIDENCE} only, so it can draft evidence
 * for people and nothing else (compare security.service.SystemAuthentication, which has every role).
 */
public final class SystemAuthorities {

    /** Create evidence drafts for people from another system (PagerDuty, GitHub) and look people up by email. */
    public static final String EXTERNAL_EVIDENCE = "SYSTEM_EXTERNAL_EVIDENCE";

    /** The same, as a method security expression. */
    public static final String HAS_EXTERNAL_EVIDENCE = "hasAuthority('" + EXTERNAL_EVIDENCE + "')";

    private SystemAuthorities() {}
}
