package app.rungs.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A single sign-on that did not end in a Rungs session: the reason goes to the sign-in page through the session
 * (it names the user's email, which does not belong in a URL) and the page shows it once.
 */
public final class SsoSignInProblem implements AuthenticationFailureHandler {

    static final String KEY = SsoSignInProblem.class.getName();
    static final String URL = "/login?sso-error";
    private static final Logger log = LoggerFactory.getLogger(SsoSignInProblem.class);

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String message;
        if (exception instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getErrorCode().startsWith("rungs_")) {
            message = oauth.getError().getDescription();
        } else if (exception instanceof OAuth2AuthenticationException oauth) {
            // The operator needs the provider's description (misconfiguration shows here); the user gets the code.
            log.warn("Single sign-on failed: {}", exception.getMessage(), exception);
            // The provider's own error (denied consent, expired or forged state, bad token): name the code only.
            message = "Sign-in through your identity provider did not complete ("
                    + oauth.getError().getErrorCode() + "). Try again; if it keeps failing, ask your Rungs admin.";
        } else {
            message = "Sign-in through your identity provider did not complete. Try again.";
        }
        request.getSession(true).setAttribute(KEY, message);
        response.sendRedirect(request.getContextPath() + URL);
    }

    /** The message of the last failed single sign-on in this session, removed as it is read. */
    public static String take(HttpSession session) {
        if (session == null || !(session.getAttribute(KEY) instanceof String message)) {
            return null;
        }
        session.removeAttribute(KEY);
        return message;
    }
}
