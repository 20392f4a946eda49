package app.rungs.people.service;

import app.rungs.audit.service.AuditActorNamer;
import app.rungs.audit.service.AuditName;
import app.rungs.audit.service.AuditNamer;
import app.rungs.people.domain.PersonRepository;
import app.rungs.people.domain.TeamRepository;
import app.rungs.security.service.AccountService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Names people, teams and accounts ("Account: lena.fischer", leading to the person page) in the audit log, and the
 * people behind the accounts that acted.
 */
@Component
@PreAuthorize("hasRole('ADMIN')") // only the audit log asks, for admins
class PeopleAuditNames implements AuditNamer, AuditActorNamer {

    private final PersonRepository people;
    private final TeamRepository teams;
    private final AccountService accounts;

    PeopleAuditNames(PersonRepository people, TeamRepository teams, AccountService accounts) {
        this.people = people;
        this.teams = teams;
        this.accounts = accounts;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("Person", "Team", "Account");
    }

    @Override
    public Map<String, AuditName> names(String objectType, Collection<String> objectIds) {
        var names = new HashMap<String, AuditName>();
        var ids = AuditNamer.numericIds(objectIds);
        if (ids.isEmpty()) {
            return names;
        }
        if (objectType.equals("Person")) {
            people.findAllById(ids)
                    .forEach(p -> names.put(
                            String.valueOf(p.getId()), new AuditName(p.getFullName(), PeopleRoutes.person(p.getId()))));
        } else if (objectType.equals("Account")) {
            accounts.namesById(ids)
                    .forEach((id, account) -> names.put(
                            String.valueOf(id),
                            new AuditName(
                                    "Account: " + account.username(),
                                    account.personId() == null ? null : PeopleRoutes.person(account.personId()))));
        } else {
            teams.findAllById(ids).forEach(t -> names.put(String.valueOf(t.getId()), new AuditName(t.getName(), null)));
        }
        return names;
    }

    @Override
    public Map<String, AuditName> names(Collection<String> usernames) {
        var names = new HashMap<String, AuditName>();
        accounts.namesByUsername(usernames)
                .forEach((username, account) -> names.put(
                        username,
                        new AuditName(
                                account.displayName() == null ? username : account.displayName(),
                                account.personId() == null ? null : PeopleRoutes.person(account.personId()))));
        return names;
    }
}
