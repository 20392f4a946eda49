package app.rungs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.security.domain.Role;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SsoProperties;
import app.rungs.security.service.TotpService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** With password sign-in off, a right password signs in only the break-glass account; a wrong one stays wrong. */
class SsoOnlyPasswordSignInTest {

    private final org.springframework.security.crypto.password.PasswordEncoder encoder =
            PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private SecondFactorProvider provider(SsoProperties sso) {
        var hash = encoder.encode("right-password-2026");
        var passwords = new DaoAuthenticationProvider(username -> switch (username) {
            case "admin" -> new RungsUser(1L, "admin", "Admin", hash, true, Set.of(Role.ADMIN), null);
            case "lena" -> new RungsUser(2L, "lena", "Lena", hash, true, Set.of(Role.ENGINEER), 7L);
            default -> throw new UsernameNotFoundException(username);
        });
        passwords.setPasswordEncoder(encoder);
        var totp = Mockito.mock(TotpService.class);
        return new SecondFactorProvider(passwords, totp, sso);
    }

    @Test
    void anAccountOtherThanTheBreakGlassOneIsRefusedEvenWithTheRightPassword() {
        var ssoOnly = provider(new SsoProperties(false, List.of("admin")));

        assertThatThrownBy(() -> ssoOnly.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("lena", "right-password-2026")))
                .isInstanceOf(SecondFactorProvider.PasswordSignInOff.class);
        assertThatThrownBy(() ->
                        ssoOnly.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("lena", "wrong")))
                .isInstanceOf(BadCredentialsException.class);

        var admin = ssoOnly.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("admin", "right-password-2026"));
        assertThat(admin.isAuthenticated()).isTrue();
    }

    @Test
    void withPasswordsOnEveryAccountSignsInAsBefore() {
        var both = provider(new SsoProperties(true, List.of("admin")));
        assertThat(both.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("lena", "right-password-2026"))
                        .isAuthenticated())
                .isTrue();
    }
}
