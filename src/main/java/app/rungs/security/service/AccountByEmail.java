package app.rungs.security.service;

import app.rungs.security.domain.UserAccount;
import app.rungs.security.domain.UserAccountRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account a verified email belongs to: the account named by that email, or the account of the person with that
 * email. Both compare ignoring case and nothing else (no trimming, no prefixes, no plus-addressing). When the two
 * point at different accounts the email is ambiguous and nobody is signed in.
 */
@Component
public class AccountByEmail {

    /** Found, none, or two different accounts. */
    public sealed interface Match {
        record Found(UserAccount account) implements Match {}

        record None() implements Match {}

        record Ambiguous() implements Match {}
    }

    private final UserAccountRepository accounts;
    private final PersonEmails people;

    AccountByEmail(UserAccountRepository accounts, PersonEmails people) {
        this.accounts = accounts;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Match find(String email) {
        if (email == null || email.isBlank()) {
            return new Match.None();
        }
        Optional<UserAccount> byName = accounts.findByUsername(email);
        Optional<UserAccount> byPerson = people.personIdByEmail(email).flatMap(accounts::findByPersonId);
        if (byName.isPresent() && byPerson.isPresent() && !byName.get().equals(byPerson.get())) {
            return new Match.Ambiguous();
        }
        return byName.or(() -> byPerson).<Match>map(Match.Found::new).orElse(new Match.None());
    }
}
