package app.rungs.webhook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.webhook.domain.WebhookSource;
import app.rungs.webhook.service.WebhookSettingsService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The admin's Webhooks screen without a browser: a generated secret is shown once, bad mappings change nothing. */
@IntegrationTest
class WebhooksViewTest extends SpringBrowserlessTest {

    @Autowired
    WebhookSettingsService settings;

    @Autowired
    AuditService audit;

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aGeneratedSecretIsShownOnceAndItsCreationIsAuditedWithoutTheSecret() {
        var secretSet = new AuditFilter(null, "WEBHOOK_SECRET_SET", null, null, null, null);
        long before = audit.count(secretSet);
        navigate(WebhooksView.class);
        assertThat($(Code.class).id("webhook-url-github").getText()).endsWith("/api/webhooks/github");

        test($(Button.class).id("webhook-generate-github")).click();
        $(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).all().stream()
                .filter(d -> d.isOpened())
                .findFirst()
                .ifPresent(d -> test(d).confirm());
        var secret = $(Code.class).id("webhook-secret-value").getText();

        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(audit.count(secretSet)).isEqualTo(before + 1);
        var events = audit.find(secretSet, PageRequest.of(0, 20));
        // Other tests set secrets too, some under a clock moved forward: this one is among the latest, not first.
        assertThat(events).anySatisfy(e -> assertThat(e.summary()).contains("GitHub"));
        assertThat(events).noneMatch(e -> e.summary().contains(secret));
        assertThat(events).noneMatch(e -> String.valueOf(e.afterState()).contains(secret));
        test($(Button.class).id("webhook-secret-done")).click();
        navigate(WebhooksView.class);
        assertThat($(Code.class).all()).noneMatch(c -> secret.equals(c.getText()));
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aMalformedMappingIsRefusedLineByLineAndChangesNothing() {
        var before = settings.all().stream()
                .filter(s -> s.source() == WebhookSource.GITHUB)
                .findFirst()
                .orElseThrow();
        navigate(WebhooksView.class);

        test($(TextArea.class).id("webhook-repositories-github")).setValue("not a repository");
        test($(TextArea.class).id("webhook-users-github")).setValue("octocat lena.fischer@rungs.demo");
        test($(Button.class).id("webhook-save-github")).click();

        var after = settings.all().stream()
                .filter(s -> s.source() == WebhookSource.GITHUB)
                .findFirst()
                .orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.repositories()).isEqualTo(before.repositories());
        assertThat(after.userEmails()).isEqualTo(before.userEmails());
    }
}
