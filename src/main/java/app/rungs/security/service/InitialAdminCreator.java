package app.rungs.security.service;

import app.rungs.security.domain.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh installation can be signed in to: when the database has no account at all (and demo data has
 * not filled it), creates the initial admin from configuration or with a generated password printed once.
 */
@Component
@Order(100) // after demo data, which runs first and may already have created accounts
class InitialAdminCreator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

    private final AccountService accounts;
    private final InitialAdminProperties properties;

    InitialAdminCreator(AccountService accounts, InitialAdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthentication.run(() -> {
            if (accounts.count() > 0) {
                return;
            }
            var password = properties.password();
            boolean generated = password == null || password.isBlank();
            if (generated) {
                var bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            accounts.create(properties.username(), "Administrator", password, EnumSet.of(Role.ADMIN), null);
            if (generated) {
                log.warn("""

                        ==========================================================
                         Rungs created the initial admin account.
                           username: {}
                           password: {}
                         This password is shown only once. Sign in and change it.
                        ==========================================================""", properties.username(), password);
            } else {
                log.info("Created the initial admin account '{}' from configuration", properties.username());
            }
        });
    }
}
