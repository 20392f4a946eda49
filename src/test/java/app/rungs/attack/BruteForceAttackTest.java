package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.IntegrationTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Password guessing over HTTP against the login form, at full speed. */
@IntegrationTest
class BruteForceAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    final List<String> used = new ArrayList<>();

    @AfterEach
    void forgetThrottleState() {
        AttackFixtures.forgetThrottle(jdbc, used.toArray(String[]::new));
    }

    private String address() {
        var address = AttackFixtures.newAddress();
        used.add(address);
        return address;
    }

    @Test
    void thirtyWrongGuessesThenTheRightPasswordIsRefusedWithAWaitTime() {
        var victim = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        used.add(victim);
        var attacker = new SignInClient(port, address());

        var answers = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            answers.add(attacker.signIn(victim, "guess-number-" + i));
        }
        var right = attacker.signIn(victim, AttackFixtures.PASSWORD);

        assertThat(right).contains("/login?throttled=");
        assertThat(SignInClient.signedIn(right)).isFalse();
        assertThat(answers).noneMatch(SignInClient::signedIn);
        long evaluated = answers.stream().filter(a -> a.contains("error")).count();
        long refused =
                answers.stream().filter(a -> a.contains("/login?throttled=")).count();
        // Five free failures, then every further attempt inside the 30-second lock is refused unread.
        assertThat(evaluated).isLessThanOrEqualTo(6);
        assertThat(refused).isGreaterThanOrEqualTo(24);
        assertThat(Long.parseLong(right.substring(right.indexOf('=') + 1))).isBetween(1L, 30L);
    }

    @Test
    void aThrottledVictimCannotSignInFromAnotherAddressEitherUntilTheLockEnds() {
        var victim = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        used.add(victim);
        var attacker = new SignInClient(port, address());
        for (int i = 0; i < 6; i++) {
            attacker.signIn(victim, "wrong-" + i);
        }
        assertThat(new SignInClient(port, address()).signIn(victim, AttackFixtures.PASSWORD))
                .contains("/login?throttled=");
    }

    @Test
    void anUnknownAccountIsThrottledExactlyLikeARealOne() {
        var real = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        var ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        used.add(real);
        used.add(ghost);
        var realAnswers = new ArrayList<String>();
        var ghostAnswers = new ArrayList<String>();
        var one = new SignInClient(port, address());
        var two = new SignInClient(port, address());
        for (int i = 0; i < 8; i++) {
            realAnswers.add(shape(one.signIn(real, "wrong-" + i)));
            ghostAnswers.add(shape(two.signIn(ghost, "wrong-" + i)));
        }
        assertThat(ghostAnswers).isEqualTo(realAnswers);
        assertThat(realAnswers.getLast()).isEqualTo("throttled");
    }

    @Test
    void sprayingManyAccountsFromOneAddressThrottlesTheAddress() {
        var spray = address();
        var sprayer = new SignInClient(port, spray);
        var answers = new ArrayList<String>();
        for (int i = 0; i < 25; i++) {
            var name = "spray-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
            used.add(name);
            answers.add(sprayer.signIn(name, "Summer2026!"));
        }
        assertThat(answers.subList(0, 19)).allMatch(a -> a.contains("/login?error"));
        assertThat(answers.getLast()).contains("/login?throttled=");

        var colleague = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        used.add(colleague);
        assertThat(new SignInClient(port, spray).signIn(colleague, AttackFixtures.PASSWORD))
                .as("the right password from the throttled address")
                .contains("/login?throttled=");
        assertThat(SignInClient.signedIn(new SignInClient(port, address()).signIn(colleague, AttackFixtures.PASSWORD)))
                .as("the same account from another address")
                .isTrue();
    }

    @Test
    void failedSignInsAreAuditedWithTheSourceAddressAndAggregated() {
        var victim = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        used.add(victim);
        var from = address();
        var attacker = new SignInClient(port, from);
        for (int i = 0; i < 30; i++) {
            attacker.signIn(victim, "guess-" + i);
        }
        var events = SystemAuthentication.call(
                () -> audit.find(new AuditFilter(victim, null, null, from, null, null), PageRequest.of(0, 100)));
        assertThat(events).isNotEmpty().allMatch(e -> e.summary().contains(from));
        assertThat(events)
                .anyMatch(e -> e.action().equals("LOGIN_FAILED") && e.summary().contains("(1 failed attempts"));
        assertThat(events).anyMatch(e -> e.action().equals("LOGIN_THROTTLED"));
        // 30 attempts, at most: first failure, throttle start, 10th/refused milestones.
        assertThat(events).hasSizeLessThanOrEqualTo(5);
    }

    private static String shape(String location) {
        return location.contains("throttled=") ? "throttled" : location.contains("error") ? "error" : location;
    }
}
