package app.rungs.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.security.domain.UserAccountRepository;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Found by the deployment suite's capacity scenario: one account signing in from several clients at once failed all
 * but one sign-in with an optimistic-lock conflict, because recording the sign-in time bumped the account's version.
 */
@IntegrationTest
class LastLoginRecorderTest {

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    Clock clock;

    @Test
    void simultaneousSignInsOfOneAccountAllSucceedAndLeaveTheVersionForAdminEditsAlone() throws Exception {
        var account = repository.findByUsername(DemoUsers.MANAGER).orElseThrow();
        long versionBefore = account.getVersion();
        var before = Instant.now(clock);
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                start.await();
                accounts.touchLastLogin(account.getId());
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                f.get(); // a conflict would surface here as an ExecutionException
            }
        }
        var after = repository.findByUsername(DemoUsers.MANAGER).orElseThrow();
        assertThat(after.getVersion())
                .as("an admin's edit begun before the sign-ins still saves")
                .isEqualTo(versionBefore);
        assertThat(after.getLastLoginAt()).isNotNull().isAfterOrEqualTo(before.minusSeconds(1));
    }
}
