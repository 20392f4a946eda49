package app.rungs.ladder.ui;

import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** The head of every ladder browser page: name, version, the ladder's pages, downloads, and Edit for admins. */
class LadderHeader extends Div {

    enum Page {
        MATRIX,
        LEVEL,
        COMPARE,
        HISTORY
    }

    LadderHeader(LadderFileService files, LadderContent content, Page active, boolean current) {
        addClassName("ladder-header");
        var v = content.version();
        var title = new H1(v.ladderName());
        title.addClassName("page-title");
        var titleRow = new Div(title);
        titleRow.addClassName("ladder-title-row");
        if (!current) {
            titleRow.add(LadderRenderers.statusBadge(v.status(), v.number()));
        }
        var meta = new Paragraph(LadderRenderers.versionLine(content));
        meta.addClassNames("muted", "ladder-meta");

        var nav = new Div();
        nav.addClassName("ladder-nav");
        var params = new RouteParameters("ladderId", String.valueOf(v.ladderId()));
        var versionQuery =
                current ? QueryParameters.empty() : QueryParameters.of("version", String.valueOf(v.number()));
        nav.add(link("Matrix", LadderBrowserView.class, params, versionQuery, active == Page.MATRIX));
        nav.add(link("Compare levels", CompareLevelsView.class, params, versionQuery, active == Page.COMPARE));
        nav.add(link(
                "Version history", LadderHistoryView.class, params, QueryParameters.empty(), active == Page.HISTORY));

        var actions = new Div(new LadderDownloads(files, v.id()));
        actions.addClassName("ladder-actions");
        if (CurrentUser.require().has(Role.ADMIN)) {
            var edit = new Button(
                    "Edit ladder",
                    VaadinIcon.EDIT.create(),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(LadderEditorView.class, params)));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.setId("edit-ladder");
            actions.add(edit);
        }
        var bar = new Div(nav, actions);
        bar.addClassName("ladder-bar");
        add(titleRow, meta);
        if (!current && v.status() != VersionStatus.DRAFT) {
            var note = new Paragraph("You are looking at version " + v.number()
                    + ", which has been replaced. The matrix shows what it asked at the time.");
            note.addClassName("old-version-note");
            add(note);
        }
        add(bar);
    }

    private static RouterLink link(
            String text,
            Class<? extends com.vaadin.flow.component.Component> target,
            RouteParameters params,
            QueryParameters query,
            boolean active) {
        var link = new RouterLink(text, target, params);
        link.setQueryParameters(query);
        link.addClassName("ladder-nav-link");
        if (active) {
            link.addClassName("active");
        }
        return link;
    }
}
