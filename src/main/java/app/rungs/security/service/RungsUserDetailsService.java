package app.rungs.security.service;

import app.rungs.security.domain.UserAccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts from PostgreSQL for form login. */
@Service
class RungsUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    RungsUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username.strip())
                .map(a -> new RungsUser(
                        a.getId(),
                        a.getUsername(),
                        a.getDisplayName(),
                        a.getPasswordHash(),
                        a.isEnabled(),
                        a.getRoles(),
                        a.getPersonId()))
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
    }
}
