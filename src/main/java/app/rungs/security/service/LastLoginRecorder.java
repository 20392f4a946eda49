package app.rungs.security.service;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Keeps each account's last sign-in time up to date. */
@Component
class LastLoginRecorder {

    private final AccountService accounts;

    LastLoginRecorder(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        CurrentUser.of(event.getAuthentication().getPrincipal())
                .filter(user -> user.accountId() != null)
                .ifPresent(user -> accounts.touchLastLogin(user.accountId()));
    }
}
