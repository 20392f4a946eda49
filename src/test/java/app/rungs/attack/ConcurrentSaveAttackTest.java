package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.security.domain.Role;
import app.rungs.security.domain.UserAccountRepository;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.AccountSummary;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ConflictTranslation;
import app.rungs.support.IntegrationTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two saves of the same object at the same moment: both pass the service's version check, and the database refuses
 * the second at flush or commit. The loser must get the friendly conflict message, never "Something went wrong".
 */
@IntegrationTest
class ConcurrentSaveAttackTest {

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private AccountSummary newAccount() {
        var name = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return SystemAuthentication.call(
                () -> accounts.create(name, "Race Condition", "long-enough-password", EnumSet.of(Role.ENGINEER), null));
    }

    @Test
    void theLoserOfARaceThatPassedTheVersionCheckGetsTheConflictMessage() throws Exception {
        var account = newAccount();
        assertThatThrownBy(() -> SystemAuthentication.run(() -> transactions.executeWithoutResult(status -> {
                    // This save has read the account (version v) ...
                    repository.findById(account.id()).orElseThrow();
                    // ... when another one commits first.
                    runElsewhere(
                            () -> jdbc.update("update app_user set version = version + 1 where id = ?", account.id()));
                    // The version check still sees v, so only the database notices.
                    accounts.update(account.id(), account.version(), "Loser", EnumSet.of(Role.MANAGER), true);
                })))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("changed by someone else");
    }

    @Test
    void ofTwoSimultaneousSavesOneWinsAndTheOtherSeesTheConflict() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                var account = newAccount();
                var barrier = new CyclicBarrier(2);
                var results = new ArrayList<Future<Throwable>>();
                for (var name : List.of("First", "Second")) {
                    results.add(pool.submit(() -> {
                        try {
                            barrier.await();
                            SystemAuthentication.run(() -> accounts.update(
                                    account.id(), account.version(), name, EnumSet.of(Role.ENGINEER), true));
                            return null;
                        } catch (Throwable t) {
                            return t;
                        }
                    }));
                }
                var failures = new ArrayList<Throwable>();
                for (var result : results) {
                    var failure = result.get();
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
                assertThat(failures).as("round " + round).hasSize(1);
                assertThat(failures.getFirst()).isInstanceOf(ConcurrentEditException.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSessionErrorHandlerTranslatesALostRaceAsWell() {
        var failure =
                new RuntimeException("commit failed", new ObjectOptimisticLockingFailureException("app.rungs.X", 42L));
        assertThat(ConflictTranslation.translate(failure)).isInstanceOf(ConcurrentEditException.class);
        assertThat(ConflictTranslation.translate(new IllegalStateException("other")))
                .isNull();
    }

    private static void runElsewhere(Runnable work) {
        var thread = Thread.ofPlatform().start(work);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
