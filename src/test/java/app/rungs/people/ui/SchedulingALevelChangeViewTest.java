package app.rungs.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.ui.Formats;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** An admin records level changes from the person page: dated later, they are scheduled and can be cancelled. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class SchedulingALevelChangeViewTest extends SpringBrowserlessTest {

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    private Long newPerson(String levelKey, LocalDate start) {
        var name = "Sched " + UUID.randomUUID().toString().substring(0, 6);
        return SystemAuthentication.call(() -> {
            var ladderId = people.levelCatalog().levels().stream()
                    .filter(l -> l.key().equals(levelKey))
                    .findFirst()
                    .orElseThrow()
                    .ladderId();
            return peopleEditing.create(
                    new NewPerson(
                            name,
                            name.toLowerCase().replace(' ', '.') + "@views.example",
                            "Engineer",
                            null,
                            null,
                            ladderId,
                            levelKey,
                            SpecializationTrack.DATA_INFRASTRUCTURE,
                            null,
                            null,
                            null,
                            start),
                    start);
        });
    }

    private PersonView open(Long id) {
        UI.getCurrent().navigate("people/" + id);
        roundTrip();
        return (PersonView) PeopleViewsTest.target(getCurrentView());
    }

    private LevelDialog changeLevel(String levelKey, LocalDate effective) {
        test($(Button.class).withText("Change level").single()).click();
        var dialog = $(LevelDialog.class).single();
        PeopleViewsTest.choose(dialog.picker, levelKey);
        dialog.effective.setValue(effective);
        dialog.reason.setValue(AssignmentReason.PROMOTION);
        return dialog;
    }

    @Test
    void anAdminSchedulesAPromotionAndThePageShowsItAsUpcomingUntilItIsCancelled() {
        var id = newPerson("DSE-2", LocalDate.now().minusYears(2));
        open(id);
        var later = LocalDate.now().plusMonths(3);
        test(changeLevel("DSE-3", later).save).click();

        assertThat(test($(Notification.class).last()).getText())
                .contains("scheduled")
                .contains("DSE-3")
                .contains(Formats.date(later))
                .doesNotContain("is now at");
        var page = (PersonView) PeopleViewsTest.target(getCurrentView());
        assertThat(page.person.levelKey()).isEqualTo("DSE-2");
        assertThat(page.scheduled.getElement().getTextRecursively())
                .contains("Scheduled: DSE-3 from " + Formats.date(later));
        assertThat(page.levelCard.getElement().getTextRecursively()).contains("in level for");

        test(page.cancelScheduled.getFirst()).click();
        test($(ConfirmDialog.class).single()).confirm();
        var after = (PersonView) PeopleViewsTest.target(getCurrentView());
        assertThat(after.person.scheduledChanges()).isEmpty();
        assertThat(after.scheduled.isVisible()).isFalse();
        assertThat(people.details(id).history()).hasSize(1);
    }

    @Test
    void aChangeDatedBeforeTheHireIsRefusedInTheDialogAndNothingChanges() {
        var start = LocalDate.now().minusMonths(2);
        var id = newPerson("DSE-2", start);
        open(id);
        var dialog = changeLevel("DSE-3", start.minusDays(1));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.getText()).contains("start date").contains(Formats.date(start));
        assertThat(people.details(id).levelKey()).isEqualTo("DSE-2");
        assertThat(people.details(id).history()).hasSize(1);
    }

    @Test
    void someoneWhoStartedTodayShowsNoTenureYet() {
        var id = newPerson("DSE-1", LocalDate.now());
        var page = open(id);
        assertThat(page.getElement().getTextRecursively())
                .doesNotContain("1 wk")
                .contains("started today");
    }
}
