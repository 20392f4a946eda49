package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Guessable passwords are refused wherever a password is set, each with a message naming the rule. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class PasswordPolicyAttackTest {

    @Autowired
    AccountService accounts;

    private void refused(String username, String password, String message) {
        long before = accounts.count();
        assertThatThrownBy(() -> accounts.create(username, "Weak Password", password, EnumSet.of(Role.ENGINEER), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(message);
        assertThat(accounts.count()).isEqualTo(before);
    }

    private static String newName() {
        return "policy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void shortDigitRunsAndWordsAreRefusedForLength() {
        refused(newName(), "1234567890", "Password must be at least 12 characters long.");
        refused(newName(), "password12", "Password must be at least 12 characters long.");
    }

    @Test
    void breachedAndCommonPasswordsAreRefusedEvenWhenLongEnough() {
        refused(newName(), "password1234", "on a list of common or breached passwords");
        refused(newName(), "qwerty123456", "on a list of common or breached passwords");
        refused(newName(), "Sunshine2026!!", "common password (\"sunshine\") with digits or symbols added");
    }

    @Test
    void repeatedCharactersAndTheUsernameAreRefused() {
        refused(newName(), "aaaaaaaaaaaaaaaa", "must not be one character repeated");
        refused("mallory.smith@example.com", "mallory.smith-rocks", "must not contain your username");
    }

    @Test
    void overlongPasswordsAreRefusedWithTheLimit() {
        refused(newName(), "x".repeat(40) + "y".repeat(25), "at most 64 characters");
        refused(newName(), "€".repeat(30), "at most 72 bytes in UTF-8");
    }

    @Test
    void anAdminResetToACommonPasswordIsRefusedToo() {
        var engineer = accounts.findByUsername(DemoUsers.OTHER_ENGINEER).orElseThrow();
        assertThatThrownBy(() -> accounts.resetPassword(engineer.id(), "iloveyou1234"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("common");
    }

    @Test
    void longPassphrasesWithSpacesAndAnyUnicodeAreAccepted() {
        assertThat(accounts.encode("correct horse battery staple")).startsWith("{bcrypt}");
        assertThat(accounts.encode("Ünïcödé pässwörd ✓ ok")).startsWith("{bcrypt}");
        assertThat(accounts.encode(DemoUsers.PASSWORD)).startsWith("{bcrypt}");
    }
}
