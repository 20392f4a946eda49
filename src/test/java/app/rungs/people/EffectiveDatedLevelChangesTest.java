package app.rungs.people;

import static app.rungs.people.PeopleTestData.person;
import static app.rungs.people.PeopleTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.LevelChangeService;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.people.service.PersonListItem;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Level changes take effect on their date: never before the hire or the previous change, later ones wait. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class EffectiveDatedLevelChangesTest {

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    LevelChangeService peopleLevels;

    @Autowired
    PeopleGridService peopleGrid;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    private final LocalDate today = LocalDate.now();

    private void change(Long id, String level, LocalDate effective, AssignmentReason reason) {
        var seen = people.details(id);
        peopleLevels.changeLevel(id, seen.version(), seen.ladderId(), level, effective, reason, null, null);
    }

    private List<PersonListItem> gridRow(String name) {
        return peopleGrid.findPeople(PeopleFilter.active().withName(name), List.of(), 0, 10);
    }

    @Test
    void aChangeDatedBeforeTheStartDateIsRefusedNamingTheStartDate() {
        var hired = today.minusMonths(6);
        var name = unique("Early Eva");
        var id = person(people, peopleEditing, name, null, "DSE-2", hired);
        assertThatThrownBy(() -> change(id, "DSE-3", hired.minusDays(1), AssignmentReason.PROMOTION))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("before " + name + "'s start date")
                .hasMessageContaining(Formats.date(hired));
        var after = people.details(id);
        assertThat(after.levelKey()).isEqualTo("DSE-2");
        assertThat(after.history()).hasSize(1);
    }

    @Test
    void aChangeDatedBeforeThePreviousChangeIsRefusedNamingThatChange() {
        var id = person(people, peopleEditing, unique("Order Olga"), null, "DSE-1", today.minusYears(3));
        var promoted = today.minusYears(1);
        change(id, "DSE-2", promoted, AssignmentReason.PROMOTION);
        assertThatThrownBy(() -> change(id, "DSE-3", promoted.minusDays(1), AssignmentReason.PROMOTION))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("before the previous level change")
                .hasMessageContaining(Formats.date(promoted))
                .hasMessageContaining("DSE-2");
        assertThat(people.details(id).history()).hasSize(2);
        assertThat(people.details(id).levelKey()).isEqualTo("DSE-2");
    }

    @Test
    void aFutureChangeIsScheduledAndTheCurrentLevelStaysUntilItsDate() {
        var hired = today.minusYears(2);
        var name = unique("Future Finn");
        var id = person(people, peopleEditing, name, null, "DSE-2", hired);
        var later = today.plusMonths(3);
        change(id, "DSE-3", later, AssignmentReason.PROMOTION);

        var details = people.details(id);
        assertThat(details.levelKey()).isEqualTo("DSE-2");
        assertThat(details.levelSince()).isEqualTo(hired);
        assertThat(details.scheduledChanges()).singleElement().satisfies(s -> {
            assertThat(s.levelKey()).isEqualTo("DSE-3");
            assertThat(s.effectiveDate()).isEqualTo(later);
        });
        assertThat(gridRow(name)).singleElement().satisfies(r -> {
            assertThat(r.levelKey()).isEqualTo("DSE-2");
            assertThat(r.levelSince()).isEqualTo(hired);
        });

        // The date arrives: the level is read from the history as of today, nothing else has to run.
        jdbc.update(
                "update level_assignment set effective_date = ? where person_id = ? and level_key = 'DSE-3'",
                java.sql.Date.valueOf(today),
                id);
        assertThat(people.details(id).levelKey()).isEqualTo("DSE-3");
        assertThat(people.details(id).levelSince()).isEqualTo(today);
        assertThat(people.details(id).scheduledChanges()).isEmpty();
        assertThat(gridRow(name))
                .singleElement()
                .extracting(PersonListItem::levelKey)
                .isEqualTo("DSE-3");
    }

    @Test
    void aScheduledChangeCanBeCancelledAndTheCancellationIsAudited() {
        var id = person(people, peopleEditing, unique("Cancel Cora"), null, "DSE-1", today.minusYears(1));
        change(id, "DSE-2", today.plusMonths(2), AssignmentReason.PROMOTION);
        var scheduled = people.details(id).scheduledChanges().getFirst();

        peopleLevels.cancelScheduledLevelChange(id, scheduled.id());

        var after = people.details(id);
        assertThat(after.scheduledChanges()).isEmpty();
        assertThat(after.history()).hasSize(1);
        assertThat(after.levelKey()).isEqualTo("DSE-1");
        assertThat(audit
                        .find(
                                new AuditFilter(
                                        null, "LEVEL_CHANGE_CANCELLED", "Person", String.valueOf(id), null, null),
                                PageRequest.of(0, 10))
                        .stream()
                        .filter(e -> String.valueOf(id).equals(e.objectId())))
                .hasSize(1);
        // A change already in effect is history, not something to cancel.
        var current = after.history().getFirst();
        assertThatThrownBy(() -> peopleLevels.cancelScheduledLevelChange(id, current.id()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already in effect");
    }
}
