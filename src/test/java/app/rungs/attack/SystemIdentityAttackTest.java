package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.IntegrationTest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Borrowing the all-roles system identity from inside a signed-in user's Vaadin request. Vaadin's security context
 * strategy answers with the session's context there, so the identity would silently not apply; it is refused.
 */
@IntegrationTest
class SystemIdentityAttackTest {

    @Autowired
    AccountService accounts;

    @AfterEach
    void leaveTheRequest() {
        VaadinSession.setCurrent(null);
        SecurityContextHolder.clearContext();
    }

    @Test
    void outsideARequestTheSystemIdentityRunsWithEveryRoleAndIsRestoredAfter() {
        var name = SystemAuthentication.call(() -> CurrentUser.require().username());
        var admins = SystemAuthentication.call(accounts::countEnabledAdmins);

        assertThat(name).isEqualTo(SystemAuthentication.SYSTEM);
        assertThat(admins).isPositive();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void insideASignedInEngineersVaadinRequestTheSystemIdentityIsRefusedAndTheEngineerStaysSignedIn() {
        var engineer =
                new RungsUser(-1L, "engineer@attack.test", "Engineer", "", true, EnumSet.of(Role.ENGINEER), null);
        var sessionContext = SecurityContextHolder.createEmptyContext();
        sessionContext.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(engineer, null, engineer.getAuthorities()));
        var wrapped = mock(WrappedSession.class);
        when(wrapped.getAttribute(anyString())).thenReturn(sessionContext);
        var session = mock(VaadinSession.class);
        when(session.getSession()).thenReturn(wrapped);
        VaadinSession.setCurrent(session);

        assertThatThrownBy(() -> SystemAuthentication.call(accounts::countEnabledAdmins))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start-up, scheduled jobs and demo seeding");
        assertThat(CurrentUser.require().username()).isEqualTo("engineer@attack.test");
    }
}
