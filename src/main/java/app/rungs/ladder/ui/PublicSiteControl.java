package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderSummary;
import app.rungs.ladder.service.PublicLadders;
import app.rungs.ladder.service.PublicSite;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import java.util.Map;

/**
 * The "Public page" cell of the ladders list: makes a ladder's published version readable by anyone at
 * /framework/&lt;slug&gt; (and as JSON), or withdraws it. The service audits both.
 */
class PublicSiteControl {

    private final PublicLadders publicLadders;
    private final Runnable changed;
    private Map<Long, PublicSite> sites;

    PublicSiteControl(PublicLadders publicLadders, Runnable changed) {
        this.publicLadders = publicLadders;
        this.changed = changed;
    }

    /** The ladder's status with its public page control underneath. */
    Component below(Component status, LadderSummary l) {
        return new Div(status, cell(l));
    }

    Component cell(LadderSummary l) {
        if (sites == null) {
            sites = publicLadders.sites();
        }
        var box = new Div();
        box.addClassName("public-site-cell");
        var site = sites.get(l.id());
        if (site != null && site.isPublic()) {
            var link = new Anchor(site.path(), "Public page", AnchorTarget.BLANK);
            link.setTitle("Anyone can read the published version at " + site.path());
            link.setId("public-link-" + l.id());
            var withdraw = new Button(
                    "Withdraw",
                    e -> Confirm.ask(
                            "Withdraw the public page of " + l.name() + "?",
                            "Visitors of " + site.path() + " and the public JSON get \"not found\" from now on. You can"
                                    + " make it public again at the same address.",
                            "Withdraw",
                            () -> toggle(() -> publicLadders.withdraw(l.id()), l.name() + " is no longer public")));
            withdraw.setId("withdraw-public-" + l.id());
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            box.add(link, withdraw);
        } else if (l.publishedVersionId() != null && !l.retired()) {
            var publish = new Button(
                    "Make public",
                    e -> Confirm.ask(
                            "Make " + l.name() + " public?",
                            "Anyone with the link can read the published version: levels, tracks, competencies and"
                                    + " expectations. Nothing about people is shown. New versions appear there once"
                                    + " published.",
                            "Make public",
                            () -> toggle(() -> publicLadders.makePublic(l.id()), l.name() + " is public")));
            publish.setId("make-public-" + l.id());
            publish.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(publish);
        }
        return box;
    }

    private void toggle(Runnable action, String done) {
        if (Toasts.attempt(action)) {
            Toasts.success(done);
        }
        sites = null;
        changed.run();
    }
}
