package app.rungs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditLogReader;
import app.rungs.audit.service.AuditRow;
import app.rungs.audit.service.AuditService;
import app.rungs.audit.ui.AuditLogView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLogReader reader;

    @Autowired
    AuditService audit;

    @Autowired
    EntityManagerFactory emf;

    @Test
    @SuppressWarnings("unchecked")
    void anAdminFiltersTheAuditLogToOneKindOfChange() {
        navigate(AuditLogView.class);
        Grid<AuditRow> grid = $(Grid.class).first();
        assertThat(test(grid).size()).isGreaterThan(40);

        var search = $(TextField.class)
                .withPropertyValue(TextField::getPlaceholder, "Search summary or object id")
                .single();
        test(search).setValue("Added Lena Fischer");
        assertThat(test(grid).size()).isEqualTo(1);
        var row = test(grid).getRow(0);
        assertThat(row.entry().summary()).isEqualTo("Added Lena Fischer");
        // The object is a name and a link to the person page, not "Person #12".
        assertThat(row.object().label()).isEqualTo("Lena Fischer");
        assertThat(row.object().path()).isEqualTo("people/" + row.entry().objectId());
    }

    @Test
    void whoAndWhatAreNamedInOneReadPerKindWhateverThePageSize() {
        var counter = new StatementCounter(emf);
        var none = new AuditFilter(null, null, null, null, null, null);
        var small = counter.count(() -> reader.find(none, PageRequest.of(0, 5)));
        var large = counter.count(() -> reader.find(none, PageRequest.of(0, 200)));
        var rows = reader.find(none, PageRequest.of(0, 200));
        var kinds = rows.stream().map(r -> r.entry().objectType()).distinct().count();
        System.out.printf("Audit page of 5: %d statements, of 200 (%d object types): %d%n", small, kinds, large);
        // The page, its count, the actors' names (a few fixed reads), then one name read per object type: never one
        // per row. Every recorded type now has a namer (Account and CalibrationEntry were unnamed, a free slot).
        assertThat(large).isLessThanOrEqualTo(4 + kinds);
        assertThat(rows).hasSizeGreaterThan(100);

        var ladder = reader.find(new AuditFilter(null, null, "Ladder", null, null, null), PageRequest.of(0, 1));
        assertThat(ladder.getFirst().object().label()).doesNotContain("#").isNotBlank();
        assertThat(ladder.getFirst().object().path()).matches("ladders/\\d+/history");

        // Who acted is named (and linked to their person page when the account has one), not an email.
        audit.record("AUDIT_NAMING_CHECKED", "Team", null, "Naming check", null, null);
        var mine = reader.find(
                new AuditFilter(null, "AUDIT_NAMING_CHECKED", null, null, null, null), PageRequest.of(0, 1));
        assertThat(mine.getFirst().who().label()).isEqualTo("Morgan Reyes");
    }

    @Test
    void calibrationEntriesAndAccountsAreNamedNotNumbered() {
        var entry = jdbc.queryForMap("select e.id, e.person_name, s.id as session_id, s.name from calibration_entry e"
                + " join calibration_session s on s.id = e.session_id order by e.id limit 1");
        audit.record("AUDIT_ENTRY_NAMING_CHECKED", "CalibrationEntry", entry.get("id"), "Entry naming", null, null);
        var entryRow = reader.find(
                        new AuditFilter(null, "AUDIT_ENTRY_NAMING_CHECKED", null, null, null, null),
                        PageRequest.of(0, 1))
                .getFirst();
        assertThat(entryRow.object().label())
                .isEqualTo("Calibration entry: " + entry.get("person_name") + " in " + entry.get("name"));
        assertThat(entryRow.object().path()).isEqualTo("calibration/" + entry.get("session_id"));

        var account = jdbc.queryForMap(
                "select id, username, person_id from app_user where lower(username) = ?", DemoUsers.MANAGER);
        audit.record("AUDIT_ACCOUNT_NAMING_CHECKED", "Account", account.get("id"), "Account naming", null, null);
        var accountRow = reader.find(
                        new AuditFilter(null, "AUDIT_ACCOUNT_NAMING_CHECKED", null, null, null, null),
                        PageRequest.of(0, 1))
                .getFirst();
        assertThat(accountRow.object().label()).isEqualTo("Account: " + account.get("username"));
        assertThat(accountRow.object().path()).isEqualTo("people/" + account.get("person_id"));
    }

    @Test
    void anAdminVerifiesTheAuditChainFromTheLog() {
        navigate(AuditLogView.class);
        var status = $(Div.class).withClassName("audit-chain-status").single();
        test($(Button.class).withText("Verify audit chain").single()).click();
        assertThat(status.getText()).matches("\\d+ events verified, chain intact.*");
    }

    @Test
    void aBrokenLastCheckStaysVisibleAtTheTopOfTheLog() {
        var id = jdbc.queryForObject("select nextval('audit_chain_check_seq')", Long.class);
        jdbc.update(
                "insert into audit_chain_check (id, checked_at, trigger_kind, checked_by, intact, events,"
                        + " redacted_events, broken_event_id, broken_seq, problem, detail, duration_ms)"
                        + " values (?, now() + interval '1 day', 'SCHEDULED', 'system', false, 10, 0, 5, 5,"
                        + " 'ROW_MISSING', 'Chain broken at event #5 (position 5): row missing - banner test', 1)",
                id);
        try {
            navigate(AuditLogView.class);
            var status = $(Div.class).withClassName("audit-chain-status").single();
            assertThat(status.getText()).startsWith("Last check (scheduled").contains("row missing - banner test");
        } finally {
            jdbc.update("delete from audit_chain_check where id = ?", id);
        }
    }
}
