package app.rungs.security;

import app.rungs.shared.db.DatabaseUnavailable;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in because the account database is unreachable is not a wrong password: the login page says that
 * the database is unavailable ({@code ?error=unavailable}) instead of blaming the user's credentials.
 */
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    static final String WRONG_CREDENTIALS_URL = "/login?error";
    static final String UNAVAILABLE_URL = "/login?error=unavailable";
    private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

    LoginFailureHandler() {
        super(WRONG_CREDENTIALS_URL);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (exception instanceof AuthenticationServiceException && DatabaseUnavailable.isCause(exception)) {
            log.warn("Sign-in failed because the database is unavailable: {}", exception.getMessage());
            getRedirectStrategy().sendRedirect(request, response, UNAVAILABLE_URL);
            return;
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
