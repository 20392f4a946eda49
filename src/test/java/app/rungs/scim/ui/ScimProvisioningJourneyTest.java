package app.rungs.scim.ui;

import static app.rungs.support.ScimHttp.json;
import static app.rungs.support.ScimHttp.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditRow;
import app.rungs.audit.ui.AuditLogView;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PersonListItem;
import app.rungs.people.ui.PeopleView;
import app.rungs.scim.service.ScimSafetyValve;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.ScimHttp;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * Issue 17's "done when": an admin creates a SCIM token on the settings screen, the identity provider provisions
 * and deactivates a person with it (curl-style), and the admin sees that person in the people grid and the audit
 * log; the revoked token no longer works.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class ScimProvisioningJourneyTest extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    ScimSafetyValve valve;

    @Test
    void anAdminProvisionsAndDeactivatesAPersonThroughScimAndSeesItInThePeopleGridAndAuditLog() {
        ScimSettingsView settings = AopTestUtils.getUltimateTargetObject(navigate(ScimSettingsView.class));
        var tokenName = "Okta " + UUID.randomUUID().toString().substring(0, 6);
        test(settings.tokens.name).setValue(tokenName);
        test(settings.tokens.create).click();
        var secret = settings.tokens.shownSecret;
        assertThat(secret).startsWith("rungs_scim_");
        assertThat(test(settings.tokens.grid).size()).isPositive();
        valve.changeLimits(valve.limits().version(), 100, 100_000);

        var scim = new ScimHttp(port, secret);
        var name = "Grace Scim" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        var email = name.toLowerCase().replace(' ', '.') + "@example.com";
        var created = scim.post(
                "/scim/v2/Users",
                user(email, name.split(" ")[0], name.split(" ")[1], "SRE", "Streaming & Events", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var id = json(created).get("id").asString();
        assertThat(scim.delete("/scim/v2/Users/" + id).statusCode()).isEqualTo(204);

        navigate(PeopleView.class);
        @SuppressWarnings("unchecked")
        Select<PeopleFilter.Status> status = $(Select.class).first();
        status.setValue(PeopleFilter.Status.LEFT);
        roundTrip();
        @SuppressWarnings("unchecked")
        Grid<PersonListItem> peopleGrid = $(Grid.class).first();
        // Under "Left", among the few who left (the name filter sits in the grid header).
        assertThat(rows(peopleGrid).stream().filter(p -> p.fullName().equals(name)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.email()).isEqualTo(email);
                    assertThat(p.teamName()).isEqualTo("Streaming & Events");
                });

        navigate(AuditLogView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditRow> log = $(Grid.class).first();
        var search = $(TextField.class)
                .withPropertyValue(TextField::getPlaceholder, "Search summary or object id")
                .single();
        test(search).setValue(name);
        var entries = rows(log).stream().map(AuditRow::entry).toList();
        assertThat(entries).extracting(e -> e.action()).contains("PERSON_CREATED", "PERSON_DEACTIVATED");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("SCIM (" + tokenName + ")"));

        settings = AopTestUtils.getUltimateTargetObject(navigate(ScimSettingsView.class));
        var mine = settings.tokens
                .grid
                .getGenericDataView()
                .getItems()
                .filter(t -> t.name().equals(tokenName))
                .findFirst()
                .orElseThrow();
        assertThat(mine.lastUsedAt()).isNotNull();
        settings.tokens.revoke(mine);
        assertThat(scim.get("/scim/v2/Users/" + id).statusCode()).isEqualTo(401);
        valve.changeLimits(valve.limits().version(), 10, 25);
    }

    private <T> List<T> rows(Grid<T> grid) {
        var tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }
}
