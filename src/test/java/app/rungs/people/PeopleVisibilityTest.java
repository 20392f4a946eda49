package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.people.service.LineQuery;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class PeopleVisibilityTest {

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    private Long personOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerSeesOnlyThemselves() {
        var me = personOf(DemoUsers.ENGINEER);
        assertThat(people.details(me).email()).isEqualTo(DemoUsers.ENGINEER);
        var colleague = personOf(DemoUsers.OTHER_ENGINEER);
        assertThatThrownBy(() -> people.details(colleague)).isInstanceOf(NotFoundException.class);
        var manager = personOf(DemoUsers.MANAGER);
        assertThatThrownBy(() -> people.details(manager)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> people.myLinePage(LineQuery.everyone(), 0, 50))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.inMyLine(java.util.List.of(colleague)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerSeesTheirReportingLineAndNoOneElse() {
        var line = people.myLinePage(LineQuery.everyone(), 0, 200);
        assertThat(line).contains(personOf(DemoUsers.ENGINEER)).doesNotContain(personOf(DemoUsers.OTHER_ENGINEER));
        assertThat(people.inMyLine(java.util.List.of(personOf(DemoUsers.ENGINEER), personOf(DemoUsers.OTHER_ENGINEER))))
                .containsExactly(personOf(DemoUsers.ENGINEER));
        assertThat(people.myLineSize().total()).isEqualTo(line.size());
        assertThat(people.details(personOf(DemoUsers.ENGINEER)).fullName()).isEqualTo("Lena Fischer");
        assertThatThrownBy(() -> people.details(personOf(DemoUsers.OTHER_ENGINEER)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.DIRECTOR)
    void aDirectorSeesIndirectReportsToo() {
        var line = people.myLinePage(LineQuery.everyone(), 0, 200);
        assertThat(line)
                .contains(
                        personOf(DemoUsers.MANAGER), personOf(DemoUsers.ENGINEER), personOf(DemoUsers.OTHER_ENGINEER));
        assertThat(line).hasSizeGreaterThanOrEqualTo(40);
        assertThat(people.myLineSize().direct()).isLessThan(people.myLineSize().total());
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aReportingCycleIsRefused() {
        var director = personOf(DemoUsers.DIRECTOR);
        var engineer = personOf(DemoUsers.ENGINEER);
        var version = people.details(director).version();
        assertThatThrownBy(() -> peopleEditing.setManager(director, version, engineer))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("reporting cycle");
        assertThat(people.details(director).managerId()).isNull();
    }
}
