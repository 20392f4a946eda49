package app.rungs.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PublicLadders;
import app.rungs.ladder.ui.PublicFrameworkView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** The public framework page as an anonymous visitor sees it: the framework while public, "not found" otherwise. */
@IntegrationTest
@WithAnonymousUser
class PublicFrameworkViewTest extends SpringBrowserlessTest {

    @Autowired
    RunAs runAs;

    @Autowired
    PublicLadders publicLadders;

    @Autowired
    LadderService ladders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnonymousVisitorReadsAPublicLadderWithoutAnyoneInItAndNothingOnceWithdrawn() {
        var ladder = runAs.as(DemoUsers.ADMIN, () -> ladders.list(0, 100)).stream()
                .filter(l -> l.publishedVersionId() != null && !l.retired())
                .findFirst()
                .orElseThrow();
        try {
            var slug = runAs.as(DemoUsers.ADMIN, () -> publicLadders.makePublic(ladder.id()))
                    .slug();
            UI.getCurrent().navigate("framework/" + slug);
            assertThat(getCurrentView()).isInstanceOf(PublicFrameworkView.class);
            var view = $(PublicFrameworkView.class).single();
            assertThat($(H1.class).single().getText()).isEqualTo(ladder.name());
            var text = view.getElement().getTextRecursively();
            assertThat(text).contains("Levels", "Competencies and expectations", "Readiness for the next level");
            PublicFrameworkTest.assertNoPeople(jdbc, text);

            runAs.run(DemoUsers.ADMIN, () -> publicLadders.withdraw(ladder.id()));
            UI.getCurrent().navigate("framework/" + slug);
            assertThat(getCurrentView()).isNotInstanceOf(PublicFrameworkView.class);
            assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain(ladder.name());
        } finally {
            runAs.run(DemoUsers.ADMIN, () -> publicLadders.withdraw(ladder.id()));
        }
    }
}
