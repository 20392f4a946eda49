package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class PersonDirectoryTest {

    @Autowired
    PersonDirectory directory;

    @Autowired
    PeopleService people;

    @Autowired
    EntityManagerFactory emf;

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void cardsOfManyPeopleCostOneStatementAndKeepTheAskedOrder() {
        var ids = new ArrayList<>(people.activeInScope(List.of(), List.of()).stream()
                .map(p -> p.id())
                .limit(40)
                .toList());
        assertThat(ids).hasSizeGreaterThan(20);
        var reversed = ids.reversed();
        var counter = new StatementCounter(emf);
        var few = counter.count(() -> directory.cards(reversed.subList(0, 2)));
        var many = counter.count(() -> directory.cards(reversed));
        assertThat(many).isEqualTo(few).isEqualTo(1);
        var cards = directory.cards(reversed);
        assertThat(cards.keySet()).containsExactlyElementsOf(reversed);
        var withManager = cards.values().stream()
                .filter(c -> c.managerId() != null)
                .findFirst()
                .orElseThrow();
        assertThat(withManager.managerName()).isNotBlank();
        assertThat(cards.values()).allSatisfy(c -> assertThat(c.fullName()).isNotBlank());
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerReadsAColleaguesCardButNotTheirPersonPage() {
        Long colleague = SystemAuthentication.call(() -> people.activeInScope(List.of(), List.of()).stream()
                .filter(p -> !p.email().equals(DemoUsers.ENGINEER))
                .findFirst()
                .orElseThrow()
                .id());
        var card = directory.require(colleague);
        assertThat(card.fullName()).isNotBlank();
        assertThat(card.levelKey()).isNotBlank();
        assertThat(directory.cards(List.of(colleague, -1L))).containsOnlyKeys(colleague);
        assertThatThrownBy(() -> people.details(colleague)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThatThrownBy(() -> directory.cards(List.of(1L)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
