package app.rungs.scim.service;

/** The identity provider behind a SCIM request: the token it used. */
public record ScimCaller(Long tokenId, String tokenName) {

    /** The authority a SCIM token carries, and nothing else: no role, so it reaches no screen and no other API. */
    public static final String AUTHORITY = "SCIM_PROVISIONER";

    /** The actor recorded in the audit log for what this token changes. */
    public String actorName() {
        return "SCIM (" + tokenName + ")";
    }
}
