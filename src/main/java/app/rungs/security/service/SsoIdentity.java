package app.rungs.security.service;

/**
 * What an identity provider says about a user who signed in there.
 *
 * @param issuer the provider's issuer URL
 * @param subject the provider's stable id of the user ({@code sub})
 * @param email the {@code email} claim, or null
 * @param emailVerified whether the {@code email_verified} claim is true
 * @param claims every claim (the role claim is read from here by the name admins chose)
 */
public record SsoIdentity(
        String issuer, String subject, String email, boolean emailVerified, java.util.Map<String, Object> claims) {}
