package app.rungs.people;

import static app.rungs.people.PeopleTestData.person;
import static app.rungs.people.PeopleTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.LevelChangeService;
import app.rungs.people.service.LevelSelection;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.people.service.PersonUpdate;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Admins create, edit, move, level and deactivate people; every change is checked by the service and audited. */
@IntegrationTest
class PeopleAdministrationTest {

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    LevelChangeService peopleLevels;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    private Long ladderId() {
        return people.levelCatalog().levels().getFirst().ladderId();
    }

    private long auditCount(String objectId, String action) {
        return audit
                .find(new AuditFilter(null, action, "Person", objectId, null, null), PageRequest.of(0, 200))
                .stream()
                .filter(e -> objectId.equals(e.objectId()))
                .count();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminAddsAPersonWithAnAccountThatCannotSignInYet() {
        var name = unique("Nadia Added");
        var email = name.toLowerCase().replace(' ', '.') + "@test.example";
        var id = peopleEditing.add(
                new NewPerson(
                        name,
                        email,
                        "Engineer",
                        null,
                        null,
                        ladderId(),
                        "DSE-1",
                        SpecializationTrack.SECURITY_COMPLIANCE,
                        null,
                        null,
                        null,
                        LocalDate.of(2024, 2, 1)),
                EnumSet.of(Role.ENGINEER));
        var details = people.details(id);
        assertThat(details.levelKey()).isEqualTo("DSE-1");
        assertThat(details.levelSince()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(details.history())
                .singleElement()
                .satisfies(h -> assertThat(h.reason()).isEqualTo(AssignmentReason.HIRE));
        var account = accounts.findByPersonId(id).orElseThrow();
        assertThat(account.username()).isEqualTo(email);
        assertThat(account.roles()).containsExactly(Role.ENGINEER);
        assertThat(auditCount(String.valueOf(id), "PERSON_CREATED")).isEqualTo(1);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void theServiceRefusesBadInputWithSpecificMessagesAndChangesNothing() {
        var existing = PeopleTestData.personOf(accounts, DemoUsers.ENGINEER);
        var lena = people.details(existing);
        assertThatThrownBy(() -> peopleEditing.create(
                        new NewPerson(
                                " ",
                                "not-an-email",
                                null,
                                null,
                                null,
                                ladderId(),
                                "XYZ-9",
                                null,
                                null,
                                null,
                                null,
                                null),
                        null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .contains(
                                "Name is required.",
                                "Email must look like name@example.com.",
                                "Level XYZ-9 does not exist in Distributed Systems Engineering."));
        assertThatThrownBy(() -> peopleEditing.update(
                        lena.id(),
                        lena.version(),
                        new PersonUpdate(
                                lena.fullName(), DemoUsers.OTHER_ENGINEER, null, null, null, null, null, null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Someone with the email " + DemoUsers.OTHER_ENGINEER + " already exists.");
        assertThat(people.details(existing).email()).isEqualTo(DemoUsers.ENGINEER);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aStaleEditIsRefusedWithAClearMessage() {
        var id = person(
                people,
                peopleEditing,
                unique("Stale Sam"),
                null,
                "DSE-1",
                LocalDate.now().minusYears(1));
        var seen = people.details(id);
        peopleEditing.update(
                id,
                seen.version(),
                new PersonUpdate(seen.fullName(), seen.email(), "Senior Engineer", null, null, null, null, null, null));
        assertThatThrownBy(() -> peopleEditing.update(
                        id,
                        seen.version(),
                        new PersonUpdate(
                                seen.fullName(), seen.email(), "Other title", null, null, null, null, null, null)))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("was changed by someone else");
        assertThatThrownBy(() -> peopleLevels.changeLevel(
                        id,
                        seen.version(),
                        ladderId(),
                        "DSE-2",
                        LocalDate.now(),
                        AssignmentReason.PROMOTION,
                        null,
                        null))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(people.details(id).jobTitle()).isEqualTo("Senior Engineer");
        assertThat(people.details(id).levelKey()).isEqualTo("DSE-1");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void levelHistoryIsKeptAndTimeInLevelIsDerivedFromIt() {
        var hired = LocalDate.now().minusYears(3);
        var id = person(people, peopleEditing, unique("History Hana"), null, "DSE-1", hired);
        var promoted = LocalDate.now().minusYears(1);
        peopleLevels.changeLevel(
                id,
                people.details(id).version(),
                ladderId(),
                "DSE-2",
                promoted,
                AssignmentReason.PROMOTION,
                "Committee",
                null);
        // A correction at the same level keeps the time in level.
        peopleLevels.changeLevel(
                id,
                people.details(id).version(),
                ladderId(),
                "DSE-2",
                LocalDate.now().minusMonths(1),
                AssignmentReason.CORRECTION,
                "Fixed a typo in the title",
                null);
        var details = people.details(id);
        assertThat(details.levelKey()).isEqualTo("DSE-2");
        assertThat(details.levelSince()).isEqualTo(promoted);
        assertThat(details.history()).hasSize(3);
        // History reads in order: an entry dated before the latest change is refused (see 0010).
        assertThatThrownBy(() -> peopleLevels.changeLevel(
                        id,
                        details.version(),
                        ladderId(),
                        "DSE-1",
                        hired.plusMonths(6),
                        AssignmentReason.CORRECTION,
                        null,
                        null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("before the previous level change");
        assertThat(people.details(id).levelKey()).isEqualTo("DSE-2");
        // A promotion must move up.
        assertThatThrownBy(() -> peopleLevels.changeLevel(
                        id,
                        people.details(id).version(),
                        ladderId(),
                        "DSE-1",
                        LocalDate.now(),
                        AssignmentReason.PROMOTION,
                        null,
                        null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("A promotion moves up");
        assertThat(auditCount(String.valueOf(id), "LEVEL_CHANGED")).isEqualTo(2);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminDeactivatesSomeoneAndTheirHistoryStays() {
        var id = person(
                people,
                peopleEditing,
                unique("Leaving Lou"),
                null,
                "DSE-1",
                LocalDate.now().minusYears(2));
        peopleLevels.changeLevel(
                id,
                people.details(id).version(),
                ladderId(),
                "DSE-2",
                LocalDate.now().minusMonths(3),
                AssignmentReason.PROMOTION,
                null,
                null);
        var email = people.details(id).email();
        var account = accounts.createWithoutPassword(
                List.of(new app.rungs.security.service.NewAccount(email, "Lou", EnumSet.of(Role.ENGINEER), id)));
        assertThat(account).hasSize(1);

        peopleEditing.deactivate(id, people.details(id).version(), LocalDate.now());

        var after = people.details(id);
        assertThat(after.active()).isFalse();
        assertThat(after.leftDate()).isEqualTo(LocalDate.now());
        assertThat(after.history()).hasSize(2);
        assertThat(after.levelKey()).isEqualTo("DSE-2");
        assertThat(accounts.findByPersonId(id).orElseThrow().enabled()).isFalse();
        assertThat(auditCount(String.valueOf(id), "PERSON_DEACTIVATED")).isEqualTo(1);
        assertThatThrownBy(() -> peopleEditing.deactivate(id, after.version(), LocalDate.now()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("has already left");

        peopleEditing.reactivate(id, after.version());
        assertThat(people.details(id).active()).isTrue();
        assertThat(accounts.findByPersonId(id).orElseThrow().enabled()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void someoneWithReportsCannotLeaveBeforeTheReportsMove() {
        var boss = person(
                people,
                peopleEditing,
                unique("Boss Bea"),
                null,
                "SPE-1",
                LocalDate.now().minusYears(4));
        var report = person(
                people,
                peopleEditing,
                unique("Report Rob"),
                boss,
                "DSE-1",
                LocalDate.now().minusYears(1));
        assertThatThrownBy(() ->
                        peopleEditing.deactivate(boss, people.details(boss).version(), LocalDate.now()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("still has 1 direct report");
        // Reports cannot be given a manager who has left, nor form a cycle.
        assertThatThrownBy(() ->
                        peopleEditing.setManager(boss, people.details(boss).version(), report))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("reporting cycle");
        peopleEditing.setManager(report, people.details(report).version(), null);
        peopleEditing.deactivate(boss, people.details(boss).version(), LocalDate.now());
        assertThatThrownBy(() ->
                        peopleEditing.setManager(report, people.details(report).version(), boss))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("has left");
        assertThat(auditCount(String.valueOf(report), "MANAGER_CHANGED")).isEqualTo(1);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aBulkLevelAssignmentIsAllOrNothing() {
        var a = person(
                people,
                peopleEditing,
                unique("Bulk Ada"),
                null,
                "DSE-1",
                LocalDate.now().minusYears(2));
        var b = person(
                people,
                peopleEditing,
                unique("Bulk Ben"),
                null,
                "DSE-2",
                LocalDate.now().minusYears(2));
        var va = people.details(a).version();
        var vb = people.details(b).version();
        // Ben is already at DSE-2: a promotion to DSE-2 is refused for him, so nobody changes.
        assertThatThrownBy(() -> peopleLevels.bulkChangeLevel(
                        List.of(new LevelSelection(a, va), new LevelSelection(b, vb)),
                        ladderId(),
                        "DSE-2",
                        LocalDate.now(),
                        AssignmentReason.PROMOTION,
                        null))
                .isInstanceOf(ValidationException.class);
        assertThat(people.details(a).levelKey()).isEqualTo("DSE-1");

        int changed = peopleLevels.bulkChangeLevel(
                List.of(new LevelSelection(a, va), new LevelSelection(b, vb)),
                ladderId(),
                "DSE-3",
                LocalDate.now(),
                AssignmentReason.PROMOTION,
                "Calibration 2026");
        assertThat(changed).isEqualTo(2);
        assertThat(people.details(a).levelKey()).isEqualTo("DSE-3");
        assertThat(people.details(b).levelKey()).isEqualTo("DSE-3");
        assertThat(auditCount(String.valueOf(b), "LEVEL_CHANGED")).isEqualTo(1);
        // Stale selections are refused.
        assertThatThrownBy(() -> peopleLevels.bulkChangeLevel(
                        List.of(new LevelSelection(a, va)),
                        ladderId(),
                        "SPE-1",
                        LocalDate.now(),
                        AssignmentReason.PROMOTION,
                        null))
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void onlyAdminsChangePeople() {
        var lena = PeopleTestData.personOf(accounts, DemoUsers.ENGINEER);
        assertThatThrownBy(() -> peopleEditing.deactivate(lena, 0, LocalDate.now()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> peopleLevels.changeLevel(
                        lena, 0, 1L, "DSE-3", LocalDate.now(), AssignmentReason.PROMOTION, null, null))
                .isInstanceOf(AccessDeniedException.class);
        // A manager may read the chain above someone in their line, but not outside it.
        assertThat(people.managerChain(lena))
                .extracting(p -> p.fullName())
                .containsExactly("Daniel Okafor", "Priya Natarajan");
        var ethan = PeopleTestData.personOf(accounts, DemoUsers.OTHER_ENGINEER);
        assertThatThrownBy(() -> people.managerChain(ethan)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void theAuditLogRecordsBeforeAndAfterOfAnEdit() {
        var id = person(
                people,
                peopleEditing,
                unique("Audited Ari"),
                null,
                "DSE-1",
                LocalDate.now().minusYears(1));
        var seen = people.details(id);
        peopleEditing.update(
                id,
                seen.version(),
                new PersonUpdate(seen.fullName(), seen.email(), "Staff Engineer", null, null, null, null, null, null));
        var entries = audit.find(
                new AuditFilter(null, "PERSON_UPDATED", "Person", String.valueOf(id), null, null),
                PageRequest.of(0, 5));
        assertThat(entries.stream().filter(e -> e.objectId().equals(String.valueOf(id))))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.beforeState()).contains("\"jobTitle\": \"Engineer\"");
                    assertThat(e.afterState()).contains("\"jobTitle\": \"Staff Engineer\"");
                });
    }
}
