package app.rungs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A sign-in during a database outage is reported as an outage, never as a wrong password. */
class LoginFailureHandlerTest {

    @Test
    void aSignInDuringADatabaseOutageSaysTheDatabaseIsUnavailable() throws Exception {
        var outage = new InternalAuthenticationServiceException(
                "Could not open JPA EntityManager for transaction",
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"));
        assertThat(redirectFor(outage)).isEqualTo("/login?error=unavailable");
    }

    @Test
    void aWrongPasswordStillSaysWrongPassword() throws Exception {
        assertThat(redirectFor(new BadCredentialsException("Bad credentials"))).isEqualTo("/login?error");
        assertThat(redirectFor(new InternalAuthenticationServiceException("bug", new IllegalStateException())))
                .isEqualTo("/login?error");
    }

    private static String redirectFor(org.springframework.security.core.AuthenticationException e) throws Exception {
        var request = new MockHttpServletRequest("POST", "/login");
        var response = new MockHttpServletResponse();
        new LoginFailureHandler().onAuthenticationFailure(request, response, e);
        return response.getRedirectedUrl();
    }
}
