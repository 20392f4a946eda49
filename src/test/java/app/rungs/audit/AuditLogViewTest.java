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
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class AuditLogViewTest extends SpringBrowserlessTest {

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
}
