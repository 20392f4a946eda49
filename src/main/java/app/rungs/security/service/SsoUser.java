package app.rungs.security.service;

import java.io.Serial;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The principal of a single sign-on session: the provider's OIDC user (its ID token is what RP-initiated and
 * back-channel logout need) carrying the Rungs user it signed in as. Its name is the Rungs username, so the audit
 * log and the session registry see the same name as for a password sign-in.
 */
public final class SsoUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final RungsUser user;

    public SsoUser(RungsUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(user.getAuthorities(), idToken, userInfo);
        this.user = user;
    }

    public RungsUser rungsUser() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
