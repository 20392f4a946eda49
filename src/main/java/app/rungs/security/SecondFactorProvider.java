package app.rungs.security;

import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SsoProperties;
import app.rungs.security.service.TotpService;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Password sign-in, then the second factor: for an account with TOTP turned on, a correct password does not
 * authenticate; it raises {@link SecondFactorRequired} and the sign-in page asks for the code. The session gets its
 * roles only after the code ({@link TotpSignIn}).
 */
final class SecondFactorProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final TotpService totp;
    private final SsoProperties sso;

    SecondFactorProvider(DaoAuthenticationProvider passwords, TotpService totp, SsoProperties sso) {
        this.passwords = passwords;
        this.totp = totp;
        this.sso = sso;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var result = passwords.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof RungsUser user) {
            if (!sso.passwordAllowedFor(user.username())) {
                // Checked after the password so the answer says nothing about accounts to someone without one.
                throw new PasswordSignInOff();
            }
            if (totp.requiresCode(user.accountId())) {
                throw new SecondFactorRequired(user.withoutPassword());
            }
            // The session keeps only who is signed in, never the password hash.
            var clean = UsernamePasswordAuthenticationToken.authenticated(
                    user.withoutPassword(), null, result.getAuthorities());
            clean.setDetails(result.getDetails());
            return clean;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** The password was right; a code is still needed. An account-status exception so no other provider runs. */
    static final class SecondFactorRequired extends AccountStatusException {
        private final transient RungsUser user;

        SecondFactorRequired(RungsUser user) {
            super("A second factor is required");
            this.user = user;
        }

        RungsUser user() {
            return user;
        }
    }

    /** Single sign-on only: this account may not use its password (it is not a break-glass account). */
    static final class PasswordSignInOff extends AccountStatusException {
        PasswordSignInOff() {
            super("Password sign-in is turned off; sign in through the identity provider");
        }
    }
}
