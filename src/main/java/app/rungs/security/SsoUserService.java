package app.rungs.security;

import app.rungs.security.service.SsoIdentity;
import app.rungs.security.service.SsoRefusal;
import app.rungs.security.service.SsoSignIn;
import app.rungs.security.service.SsoUser;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Loads the provider's user as Spring's OIDC client does (ID token validated, user info merged), then lets Rungs decide
 * who that is: the account linked by verified email, with roles from the role claim ({@link SsoSignIn}).
 */
final class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SsoSignIn signIn;

    SsoUserService(SsoSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var oidcUser = provider.loadUser(request);
        var claims = oidcUser.getClaims();
        var identity = new SsoIdentity(
                oidcUser.getIdToken().getIssuer().toString(),
                oidcUser.getSubject(),
                oidcUser.getEmail(),
                verified(claims.get("email_verified")),
                claims);
        try {
            var user = signIn.signIn(identity);
            return new SsoUser(user, oidcUser.getIdToken(), oidcUser.getUserInfo());
        } catch (SsoRefusal refusal) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(refusal.code(), refusal.getMessage(), null), refusal.getMessage(), refusal);
        }
    }

    /** Only an explicit true counts (some providers send the string "true"); missing or anything else is false. */
    static boolean verified(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }
}
