package app.rungs.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.rungs.security.domain.Role;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A fresh installation without demo data can always be signed in to. */
@ExtendWith(OutputCaptureExtension.class)
class InitialAdminCreatorTest {

    private final AccountService accounts = mock(AccountService.class);

    @Test
    void anEmptyDatabaseGetsAnAdminWithAOneTimePasswordPrintedToTheLog(CapturedOutput output) {
        when(accounts.count()).thenReturn(0L);
        new InitialAdminCreator(accounts, new InitialAdminProperties("admin", null))
                .run(new DefaultApplicationArguments());

        var password = ArgumentCaptor.forClass(String.class);
        verify(accounts)
                .create(eq("admin"), eq("Administrator"), password.capture(), eq(EnumSet.of(Role.ADMIN)), isNull());
        assertThat(password.getValue()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(output.getOut()).contains("password: " + password.getValue()).contains("shown only once");
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverLogged(CapturedOutput output) {
        when(accounts.count()).thenReturn(0L);
        new InitialAdminCreator(accounts, new InitialAdminProperties("root", "configured-secret-1"))
                .run(new DefaultApplicationArguments());

        verify(accounts).create("root", "Administrator", "configured-secret-1", EnumSet.of(Role.ADMIN), null);
        assertThat(output.getOut()).doesNotContain("configured-secret-1");
    }

    @Test
    void nothingIsCreatedWhenAccountsExist() {
        when(accounts.count()).thenReturn(3L);
        new InitialAdminCreator(accounts, new InitialAdminProperties(null, null))
                .run(new DefaultApplicationArguments());
        verify(accounts, never()).create(anyString(), anyString(), anyString(), any(), any());
    }
}
