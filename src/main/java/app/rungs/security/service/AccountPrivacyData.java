package app.rungs.security.service;

import app.rungs.security.domain.UserAccountRepository;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account part of a person's data export. */
@Service
public class AccountPrivacyData {

    private final UserAccountRepository accounts;

    AccountPrivacyData(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account linked to a person, for the person themselves or an admin. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<AccountData> accountOf(Long personId) {
        PersonalDataAccess.requireSelfOrAdmin(personId);
        return accounts.findByPersonId(personId)
                .map(a -> new AccountData(
                        a.getId(),
                        a.getUsername(),
                        a.getDisplayName(),
                        a.getRoles(),
                        a.isEnabled(),
                        a.getColorScheme(),
                        a.getCreatedAt(),
                        a.getLastLoginAt()));
    }
}
