package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.security.service.Totp;
import app.rungs.security.service.TotpService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The second factor of an admin: wrong, replayed and skipped codes. */
@IntegrationTest
class TotpAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TotpService totp;

    @Autowired
    JdbcClient jdbc;

    final List<String> used = new ArrayList<>();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
        AttackFixtures.forgetThrottle(jdbc, used.toArray(String[]::new));
    }

    /** A fresh admin with TOTP on; returns its account id and secret. */
    private Object[] adminWithTotp() {
        var name = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ADMIN));
        used.add(name);
        var summary =
                SystemAuthentication.call(() -> accounts.findByUsername(name).orElseThrow());
        var me = new RungsUser(summary.id(), name, "Attack Target", "", true, summary.roles(), null);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
        var enrolment = totp.newEnrolment();
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Rungs:").contains(enrolment.secret());
        var wrong = "000000".equals(current(enrolment.secret())) ? "111111" : "000000";
        assertThatThrownBy(() -> totp.enable(enrolment.secret(), wrong))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("does not match");
        assertThat(totp.isEnabledForMe()).isFalse();
        totp.enable(enrolment.secret(), current(enrolment.secret()));
        assertThat(totp.isEnabledForMe()).isTrue();
        SecurityContextHolder.clearContext();
        return new Object[] {summary.id(), enrolment.secret(), name};
    }

    private static String current(String secret) {
        return Totp.code(secret, Totp.stepAt(Instant.now()));
    }

    @Test
    void aWrongCodeIsRefusedAndTheEnrolmentCodeCannotBeReplayedAtSignIn() {
        var admin = adminWithTotp();
        Long id = (Long) admin[0];
        var secret = (String) admin[1];
        long now = Totp.stepAt(Instant.now());

        assertThat(totp.acceptSignInCode(id, current(secret)))
                .as("the code used to enrol")
                .isFalse();
        assertThat(totp.acceptSignInCode(id, "12345")).as("malformed").isFalse();
        assertThat(totp.acceptSignInCode(id, Totp.code(secret, now + 5)))
                .as("from the future")
                .isFalse();
        var next = Totp.code(secret, now + 1);
        assertThat(totp.acceptSignInCode(id, next))
                .as("the next step, within the window")
                .isTrue();
        assertThat(totp.acceptSignInCode(id, next)).as("the same code again").isFalse();
        assertThat(totp.acceptSignInCode(id, Totp.code(secret, now)))
                .as("an older code")
                .isFalse();
    }

    @Test
    void thePasswordAloneGivesAnAdminWithTotpNoSession() {
        var admin = adminWithTotp();
        var address = AttackFixtures.newAddress();
        used.add(address);
        var client = new SignInClient(port, address);

        var answer = client.signIn((String) admin[2], AttackFixtures.PASSWORD);

        assertThat(answer).endsWith("/login?code");
        var home = client.get("/");
        assertThat(home.statusCode()).as("not signed in before the code").isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void rfc6238TestVectorsMatch() {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", last 6 digits.
        var seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(seed, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(seed, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(seed, 20000000000L / 30)).isEqualTo("353130");
    }
}
