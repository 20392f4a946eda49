package app.rungs.calibration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.NewSession;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The board, its counts and publishing agree about a case submitted once the session is under way: it is shown as
 * outside this session and left for a later one. Starting the session asks first.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class ACaseSubmittedAfterTheSessionStartedTest extends SpringBrowserlessTest {

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    PromotionService promotions;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void startingAsksFirstAndALateCaseIsShownAndCountedAsOutsideTheSession() {
        var fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        var org = fx.org();
        var cycle = "L-" + UUID.randomUUID().toString().substring(0, 8);
        var id = sessions.create(
                new NewSession("Late cases " + cycle, cycle, Set.of(org.teamId()), Set.of(), Set.of(), null));

        BoardView board =
                AopTestUtils.getUltimateTargetObject(navigate(BoardView.class, Map.of("id", String.valueOf(id))));
        test($(Button.class).id("start-session")).click();
        var ask = $(ConfirmDialog.class).single();
        assertThat(ask.isOpened()).isTrue();
        assertThat(sessions.session(id).status()).isEqualTo(SessionStatus.PREPARING);
        test(ask).confirm();
        assertThat(sessions.session(id).status()).isEqualTo(SessionStatus.IN_SESSION);

        fx.run(org.managerA(), () -> {
            var caseId = promotions.nominate(org.person("Ben"), "DSE-3", cycle, "Ben works at DSE-3 already.");
            promotions.submit(caseId, promotions.details(caseId).version(), null);
        });

        board = AopTestUtils.getUltimateTargetObject(navigate(BoardView.class, Map.of("id", String.valueOf(id))));
        var ben = board.entries.values().stream()
                .filter(e -> e.personId().equals(org.person("Ben")))
                .findFirst()
                .orElseThrow();
        assertThat(ben.hasCase()).isFalse();
        assertThat(board.columns.promotionHint(ben))
                .contains("Submitted after this session started")
                .doesNotContain("Not submitted");
        assertThat(board.summary.getElement().getTextRecursively())
                .contains("0Promotion cases (+1 outside this session)");
    }
}
