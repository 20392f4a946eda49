package app.rungs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditEntry;
import app.rungs.audit.ui.AuditLogView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void anAdminFiltersTheAuditLogToOneKindOfChange() {
        navigate(AuditLogView.class);
        Grid<AuditEntry> grid = $(Grid.class).first();
        assertThat(test(grid).size()).isGreaterThan(40);

        var search = $(TextField.class)
                .withPropertyValue(TextField::getPlaceholder, "Search summary or object id")
                .single();
        test(search).setValue("Added Lena Fischer");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).summary()).isEqualTo("Added Lena Fischer");
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
