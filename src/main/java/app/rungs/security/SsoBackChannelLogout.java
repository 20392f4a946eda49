package app.rungs.security;

import app.rungs.audit.service.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * OIDC back-channel logout: the provider posts a signed logout token (validated by Spring Security before this runs);
 * every session of this instance that signed in with that provider session (or subject) ends at once, through the same
 * session registry that ends sessions when an admin deactivates an account. Their next request goes to the sign-in
 * page with "Your session has ended".
 */
final class SsoBackChannelLogout implements LogoutHandler {

    private final OidcSessionRegistry oidcSessions;
    private final SessionRegistry sessions;
    private final AuditService audit;

    SsoBackChannelLogout(OidcSessionRegistry oidcSessions, SessionRegistry sessions, AuditService audit) {
        this.oidcSessions = oidcSessions;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
            return;
        }
        int ended = 0;
        String username = null;
        for (var oidcSession : oidcSessions.removeSessionInformation(token)) {
            username = oidcSession.getPrincipal().getName();
            var session = sessions.getSessionInformation(oidcSession.getSessionId());
            if (session != null && !session.isExpired()) {
                session.expireNow();
                ended++;
            }
        }
        audit.recordSecurityEvent(
                username == null ? token.getSubject() : username,
                "SSO_BACK_CHANNEL_LOGOUT",
                "The identity provider " + token.getIssuer() + " signed out " + token.getSubject() + "; ended " + ended
                        + " session(s)");
    }
}
