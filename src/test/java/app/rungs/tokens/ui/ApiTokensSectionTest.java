package app.rungs.tokens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.ui.MyProfileView;
import app.rungs.people.ui.PersonView;
import app.rungs.security.service.ApiTokenService;
import app.rungs.security.service.RungsUser;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** "API tokens" on My profile: creating one shows its secret once and stores only its hash; it is only on one's own page. */
@IntegrationTest
class ApiTokensSectionTest extends SpringBrowserlessTest {

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    private boolean selectTokensTab() {
        var tabs = $(TabSheet.class).single();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getLabel().equals("API tokens")) {
                tabs.setSelectedIndex(i);
                return true;
            }
        }
        return false;
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerCreatesATokenSeesTheSecretOnceAndOnlyItsHashIsKept() throws Exception {
        UI.getCurrent().navigate(MyProfileView.class);
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        assertThat(selectTokensTab()).isTrue();
        var section = $(ApiTokensSection.class).single();
        int before = tokens.mine().size();

        test(section.newToken).click();
        var dialog = $(NewApiTokenDialog.class).single();
        test(dialog.create).click();
        assertThat(dialog.problems.getElement().getTextRecursively()).contains("Give the token a name");
        assertThat(tokens.mine()).hasSize(before);

        dialog.name.setValue("Report script");
        test(dialog.create).click();
        var secret = dialog.secret.getValue();
        assertThat(secret).startsWith("rungs_").hasSize(49);
        assertThat(dialog.secret.isReadOnly()).isTrue();
        assertThat(tokens.mine()).hasSize(before + 1);
        assertThat(section.grid.getGenericDataView().getItems())
                .anyMatch(t -> t.name().equals("Report script"));
        var hash = jdbc.sql("select token_hash from api_token where name = 'Report script' order by id desc limit 1")
                .query(byte[].class)
                .single();
        assertThat(hash)
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerGetsNoTokensTabOnAReportsPage() {
        var report = ((RungsUser) users.loadUserByUsername(DemoUsers.ENGINEER)).personId();
        UI.getCurrent().navigate("people/" + report);
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        assertThat(selectTokensTab()).isFalse();
        UI.getCurrent().navigate(MyProfileView.class);
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        assertThat(selectTokensTab()).isTrue();
    }
}
