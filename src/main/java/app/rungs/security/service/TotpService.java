package app.rungs.security.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.UserAccountRepository;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional second sign-in factor for admins: a TOTP authenticator app (RFC 6238).
 *
 * <p>Enrolment shows a new secret and is confirmed by a first code; from then on the admin's sign-in asks for a code
 * after the password, before the session gets any role. Each accepted code's time step is stored and a code of that
 * step or an earlier one is refused, so an observed code cannot be replayed.
 */
@Service
public class TotpService {

    public static final String ISSUER = "Rungs";

    private final UserAccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Clock clock;

    TotpService(
            UserAccountRepository accounts,
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            AuditService audit,
            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A secret to enrol, with the otpauth:// URI an authenticator app scans; nothing is stored until confirmed. */
    @PreAuthorize("hasRole('ADMIN')")
    public TotpEnrolment newEnrolment() {
        var me = CurrentUser.require();
        var secret = Totp.newSecret();
        return new TotpEnrolment(secret, Totp.otpauthUri(ISSUER, me.username(), secret));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean isEnabledForMe() {
        return secretOf(CurrentUser.require().accountId()) != null;
    }

    /** Turns the second factor on once the first code from the app matches the secret. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void enable(String secret, String code) {
        var me = CurrentUser.require();
        if (secret == null || Totp.decode(secret).length < 16) {
            throw new ValidationException("The enrolment secret is missing; start the enrolment again.");
        }
        long step = Totp.matchingStep(secret, code, Instant.now(clock));
        if (step < 0) {
            throw new ValidationException("That code does not match. Check the app's clock and enter the current "
                    + Totp.DIGITS + "-digit code.");
        }
        jdbc.sql("update app_user set totp_secret = ?, totp_last_step = ? where id = ?")
                .params(secret, step, me.accountId())
                .update();
        audit.record("TOTP_ENABLED", "Account", me.accountId(), "Turned on two-step sign-in", null, null);
    }

    /** Turns the second factor off; the current password is required. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void disable(String currentPassword) {
        var me = CurrentUser.require();
        var account = accounts.findById(me.accountId()).orElseThrow(() -> new NotFoundException("Account not found"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new ValidationException("The current password is not correct.");
        }
        jdbc.sql("update app_user set totp_secret = null, totp_last_step = null where id = ?")
                .params(me.accountId())
                .update();
        audit.record("TOTP_DISABLED", "Account", me.accountId(), "Turned off two-step sign-in", null, null);
    }

    /** Whether signing in to this account needs a code after the password (asked before authentication). */
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public boolean requiresCode(Long accountId) {
        return accountId != null && secretOf(accountId) != null;
    }

    /**
     * Checks a sign-in code and uses it up: the step is recorded in the same statement that checks it is newer than
     * the last one used, so two concurrent requests with one code cannot both pass.
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public boolean acceptSignInCode(Long accountId, String code) {
        var secret = secretOf(accountId);
        if (secret == null) {
            return false;
        }
        long step = Totp.matchingStep(secret, code, Instant.now(clock));
        if (step < 0) {
            return false;
        }
        return jdbc.sql("""
                        update app_user set totp_last_step = ?
                        where id = ? and (totp_last_step is null or totp_last_step < ?)
                        """).params(step, accountId, step).update() == 1;
    }

    private String secretOf(Long accountId) {
        return jdbc.sql("select coalesce(totp_secret, '') from app_user where id = ?")
                .params(accountId)
                .query(String.class)
                .optional()
                .filter(s -> !s.isEmpty())
                .orElse(null);
    }
}
