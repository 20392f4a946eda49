package app.rungs.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.privacy.ui.ErasureDialog;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class ErasureDialogTest extends SpringBrowserlessTest {

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    private Long newPerson(boolean left) {
        return SystemAuthentication.call(() -> {
            var lena = people.details(
                    accounts.findByUsername(DemoUsers.ENGINEER).orElseThrow().personId());
            var suffix = UUID.randomUUID().toString().substring(0, 8);
            var since = LocalDate.now().minusYears(1);
            var id = peopleEditing.create(
                    new NewPerson(
                            "Quinn Departed " + suffix,
                            "quinn." + suffix + "@erasure.test",
                            "Distributed Systems Engineer",
                            lena.teamId(),
                            lena.managerId(),
                            lena.ladderId(),
                            "DSE-2",
                            null,
                            null,
                            null,
                            null,
                            since),
                    since);
            if (left) {
                peopleEditing.deactivate(id, people.details(id).version(), LocalDate.now());
            }
            return id;
        });
    }

    private void open(Long personId) {
        UI.getCurrent().navigate("people/" + personId);
        roundTrip();
    }

    @Test
    void anAdminErasesAPersonWhoLeftAfterConfirmingInTheDialog() {
        var id = newPerson(true);
        open(id);
        test($(Button.class).withText("Erase personal data").single()).click();
        var dialog = $(ErasureDialog.class).single();
        var confirm = $(Button.class, dialog).withText("Erase personal data").single();
        assertThat(confirm.isEnabled()).isFalse();

        test($(Checkbox.class, dialog).single()).click();
        assertThat(confirm.isEnabled()).isTrue();
        test(confirm).click();

        assertThat(jdbc.queryForObject("select full_name from person where id = ?", String.class, id))
                .isEqualTo("Former employee #" + id);
        assertThat($(Span.class).withText("Personal data erased").exists()).isTrue();
        assertThat($(Button.class).withText("Erase personal data").exists()).isFalse();
    }

    @Test
    void anActivePersonOffersNoErasure() {
        open(newPerson(false));
        assertThat($(Button.class).withText("Deactivate").exists()).isTrue();
        assertThat($(Button.class).withText("Erase personal data").exists()).isFalse();
    }
}
