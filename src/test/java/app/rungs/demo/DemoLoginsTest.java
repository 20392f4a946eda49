package app.rungs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.GrantedAuthority;

/** Every demo login that the README documents signs in with the documented role. */
@IntegrationTest
class DemoLoginsTest {

    @Autowired
    AuthenticationConfiguration authentication;

    @ParameterizedTest
    @CsvSource({
        "admin@rungs.demo, ROLE_ADMIN",
        "priya.natarajan@rungs.demo, ROLE_MANAGER",
        "daniel.okafor@rungs.demo, ROLE_MANAGER",
        "sofia.rossi@rungs.demo, ROLE_MANAGER",
        "lena.fischer@rungs.demo, ROLE_ENGINEER",
        "ethan.brooks@rungs.demo, ROLE_ENGINEER",
        "tomas.novak@rungs.demo, ROLE_ENGINEER"
    })
    void aDocumentedDemoLoginSignsInWithItsRole(String username, String role) throws Exception {
        var result = authentication
                .getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, DemoUsers.PASSWORD));
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains(role);
    }
}
