package app.rungs.ladder.ui;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderDiff;
import app.rungs.ladder.service.LadderDiff.Change;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.VersionSummary;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The versions of a ladder, newest first, and what changed between any two of them. */
@Route("ladders/:ladderId(\\d{1,18})/history")
@PermitAll
@StyleSheet(LadderRenderers.STYLES)
public class LadderHistoryView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LadderService ladders;
    private final LadderFileService files;
    private final LadderPayBandService payBands;
    private Long ladderId;
    private String title = "Version history";
    Grid<VersionSummary> versions;
    ComboBox<VersionSummary> from;
    ComboBox<VersionSummary> to;
    Div diffView;
    LadderDiff diff;

    public LadderHistoryView(LadderService ladders, LadderFileService files, LadderPayBandService payBands) {
        this.payBands = payBands;
        this.ladders = ladders;
        this.files = files;
        addClassNames("page", "ladder-page", "history-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ladderId = event.getRouteParameters().getLong("ladderId").orElse(-1L);
        var recent = ladders.history(ladderId, 0, 2);
        if (recent.isEmpty()) {
            add(new Card("Not found", new Paragraph("This ladder does not exist or has no version you may see.")));
            return;
        }
        LadderContent current;
        try {
            current = ladders.published(ladderId)
                    .orElseGet(() -> ladders.content(recent.getFirst().id()));
        } catch (NotFoundException e) {
            add(new Card("Not found", new Paragraph("This ladder does not exist.")));
            return;
        }
        title = "Version history · " + current.version().ladderName();
        add(new LadderHeader(files, current, LadderHeader.Page.HISTORY, true));

        versions = new Grid<>();
        versions.setId("versions");
        versions.addClassName("versions-grid");
        versions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        versions.setSelectionMode(Grid.SelectionMode.NONE);
        versions.addColumn(new ComponentRenderer<>(v -> LadderRenderers.statusBadge(v.status(), v.number())))
                .setHeader("Version")
                .setWidth("13rem")
                .setFlexGrow(0);
        versions.addColumn(v -> v.publishedAt() == null
                        ? "Started " + LadderRenderers.date(v.createdAt())
                        : LadderRenderers.date(v.publishedAt()))
                .setHeader("Published")
                .setWidth("10rem")
                .setFlexGrow(0);
        versions.addColumn(v -> v.publishedBy() == null ? v.createdBy() : v.publishedBy())
                .setHeader("By")
                .setWidth("14rem")
                .setFlexGrow(0);
        versions.addColumn(v -> v.changeNote() == null ? "" : v.changeNote())
                .setHeader("Change note")
                .setFlexGrow(1);
        versions.addColumn(new ComponentRenderer<>(this::versionActions))
                .setHeader("")
                .setWidth("14rem")
                .setFlexGrow(0);
        versions.setItems(query -> ladders.history(ladderId, query.getOffset(), query.getLimit()).stream(), query ->
                (int) ladders.historyCount(ladderId));
        long total = ladders.historyCount(ladderId);
        versions.setAllRowsVisible(total <= 8);
        if (total > 8) {
            versions.setHeight("24rem");
        }

        from = versionPicker("From");
        from.setId("diff-from");
        to = versionPicker("To");
        to.setId("diff-to");
        var query = event.getLocation().getQueryParameters();
        var toNumber = query.getSingleParameter("to").flatMap(LadderBrowserView::number);
        var fromNumber = query.getSingleParameter("from").flatMap(LadderBrowserView::number);
        var toVersion = toNumber.flatMap(this::byNumber).orElse(recent.getFirst());
        var fromVersion =
                fromNumber.flatMap(this::byNumber).orElse(recent.size() > 1 ? recent.get(1) : recent.getFirst());
        from.setValue(fromVersion);
        to.setValue(toVersion);
        from.addValueChangeListener(e -> showDiff());
        to.addValueChangeListener(e -> showDiff());
        var pickers = new Div(from, VaadinIcon.ARROW_RIGHT.create(), to);
        pickers.addClassName("compare-pickers");
        diffView = new Div();
        diffView.addClassName("diff");
        var heading = new H2("Compare versions");
        heading.addClassName("section-title");
        add(new Card("Versions", versions), heading, pickers, diffView);
        showDiff();
    }

    private java.util.Optional<VersionSummary> byNumber(int number) {
        // A ladder has few versions; this walks the newest ones page by page until it finds the number.
        long total = ladders.historyCount(ladderId);
        for (int offset = 0; offset < total; offset += 50) {
            var page = ladders.history(ladderId, offset, 50);
            var hit = page.stream().filter(v -> v.number() == number).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return java.util.Optional.empty();
    }

    private ComboBox<VersionSummary> versionPicker(String label) {
        var box = new ComboBox<VersionSummary>(label);
        box.setItems(query -> ladders.history(ladderId, query.getOffset(), query.getLimit()).stream(), query ->
                (int) ladders.historyCount(ladderId));
        box.setItemLabelGenerator(v -> "Version " + v.number() + " · " + status(v));
        box.setWidth("22rem");
        return box;
    }

    private static String status(VersionSummary v) {
        return switch (v.status()) {
            case DRAFT -> "draft";
            case PUBLISHED -> "current";
            case RETIRED -> "published " + LadderRenderers.date(v.publishedAt());
        };
    }

    private Component versionActions(VersionSummary v) {
        var box = new Div();
        box.addClassName("version-actions");
        if (v.status() != VersionStatus.DRAFT) {
            var view = new RouterLink(
                    "View", LadderBrowserView.class, new RouteParameters("ladderId", String.valueOf(ladderId)));
            if (v.status() != VersionStatus.PUBLISHED) {
                view.setQueryParameters(QueryParameters.of("version", String.valueOf(v.number())));
            }
            box.add(view);
        } else {
            box.add(new RouterLink(
                    "Open editor", LadderEditorView.class, new RouteParameters("ladderId", String.valueOf(ladderId))));
        }
        if (v.number() > 1) {
            var compare = new Button("Changes", e -> {
                byNumber(v.number() - 1).ifPresent(from::setValue);
                to.setValue(v);
            });
            compare.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            compare.setId("changes-" + v.number());
            box.add(compare);
        }
        return box;
    }

    private void showDiff() {
        diffView.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            diffView.add(new Paragraph("Pick two versions to compare."));
            return;
        }
        diff = ladders.diff(from.getValue().id(), to.getValue().id());
        var heading = new H3(
                diff.from().number() == diff.to().number()
                        ? "Version " + diff.to().number() + " compared with itself"
                        : "What changed from version " + diff.from().number() + " to version "
                                + diff.to().number());
        heading.setId("diff-title");
        diffView.add(heading);
        if (diff.to().changeNote() != null && diff.from().number() != diff.to().number()) {
            var note = new Paragraph("“" + diff.to().changeNote() + "”");
            note.addClassName("change-note");
            diffView.add(note);
        }
        var bandChanges = PayBandDiffCard.changes(
                payBands, from.getValue().id(), to.getValue().id());
        if (!bandChanges.isEmpty()) {
            diffView.add(PayBandDiffCard.of(bandChanges));
        }
        if (diff.isEmpty()) {
            if (bandChanges.isEmpty()) {
                diffView.add(new Paragraph("No differences."));
            }
            return;
        }
        var counts = new Div(
                countBadge(diff.count(Change.ADDED), "added", "success"),
                countBadge(diff.count(Change.CHANGED), "changed", "primary"),
                countBadge(diff.count(Change.REMOVED), "removed", "error"));
        counts.addClassName("compare-summary");
        diffView.add(counts);

        if (diff.rule() != null) {
            var list = new Div();
            list.addClassName("diff-list");
            list.add(diffLine(
                    Change.CHANGED,
                    ruleText(diff.rule().before()) + " → "
                            + ruleText(diff.rule().after()),
                    null));
            diffView.add(new Card("Readiness rule", list));
        }
        if (!diff.tracks().isEmpty()) {
            var list = new Div();
            list.addClassName("diff-list");
            diff.tracks()
                    .forEach(t -> list.add(diffLine(
                            t.change(), t.key() + " · " + t.name(), t.fields().isEmpty() ? null : t.fields())));
            diffView.add(new Card("Tracks", list));
        }
        if (!diff.levels().isEmpty()) {
            var list = new Div();
            list.addClassName("diff-list");
            diff.levels()
                    .forEach(l -> list.add(diffLine(
                            l.change(), l.key() + " · " + l.title(), l.fields().isEmpty() ? null : l.fields())));
            diffView.add(new Card("Levels", list));
        }
        if (!diff.competencies().isEmpty()) {
            var list = new Div();
            list.addClassName("diff-list");
            diff.competencies()
                    .forEach(c -> list.add(diffLine(
                            c.change(),
                            c.name() + " (" + c.areaName() + ")",
                            c.fields().isEmpty() ? null : c.fields())));
            diffView.add(new Card("Competencies", list));
        }
        if (!diff.expectations().isEmpty()) {
            var grid = new Grid<LadderDiff.ExpectationChange>();
            grid.setId("expectation-changes");
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
            grid.setSelectionMode(Grid.SelectionMode.NONE);
            grid.addColumn(LadderDiff.ExpectationChange::competencyName)
                    .setHeader("Competency")
                    .setWidth("14rem")
                    .setFlexGrow(0);
            grid.addColumn(LadderDiff.ExpectationChange::levelKey)
                    .setHeader("Level")
                    .setWidth("6rem")
                    .setFlexGrow(0);
            grid.addColumn(new ComponentRenderer<>(e -> changeBadge(e.change())))
                    .setHeader("Change")
                    .setWidth("8rem")
                    .setFlexGrow(0);
            grid.addColumn(new ComponentRenderer<>(e -> statement(e.before(), e.carriedBefore(), "before")))
                    .setHeader("Version " + diff.from().number())
                    .setFlexGrow(1);
            grid.addColumn(new ComponentRenderer<>(e -> statement(e.after(), e.carriedAfter(), "after")))
                    .setHeader("Version " + diff.to().number())
                    .setFlexGrow(1);
            grid.setItems(diff.expectations());
            grid.setAllRowsVisible(diff.expectations().size() <= 12);
            if (diff.expectations().size() > 12) {
                grid.setHeight("36rem");
            }
            diffView.add(new Card("Expectations", grid));
        }
    }

    private static Component countBadge(long n, String label, String variant) {
        return Badges.badge(n + " " + label, n == 0 ? "" : variant);
    }

    private static Component diffLine(Change change, String text, List<String> fields) {
        var line = new Div(changeBadge(change), new Span(text));
        line.addClassName("diff-line");
        if (fields != null) {
            line.add(Badges.muted("changed: " + String.join(", ", fields)));
        }
        return line;
    }

    private static Component changeBadge(Change change) {
        return switch (change) {
            case ADDED -> Badges.badge("Added", "success");
            case CHANGED -> Badges.badge("Changed", "primary");
            case REMOVED -> Badges.badge("Removed", "error");
        };
    }

    private static Component statement(LadderDiff.Statement s, LadderDiff.Carried carried, String side) {
        var box = new Div();
        box.addClassNames("diff-statement", side);
        if (s == null && carried != null) {
            box.addClassName("diff-carried");
            box.add(
                    carried.statement().expected()
                            ? new MarkdownText(carried.statement().statement())
                            : new Span("Not expected"));
            var origin = new Span("carried up from " + carried.fromLevel());
            origin.addClassName("cell-origin");
            box.add(origin);
        } else if (s == null) {
            box.add(Badges.muted("Nothing asked"));
        } else if (s.kind() == ExpectationKind.NOT_EXPECTED) {
            box.add(Badges.muted("Not expected"));
        } else {
            box.add(new MarkdownText(s.statement()));
            if (s.examples() != null) {
                var ex = new MarkdownText("Examples: " + s.examples());
                ex.addClassName("examples");
                box.add(ex);
            }
        }
        return box;
    }

    /** The diff on screen (views are proxied by method security, so tests read it through a method). */
    LadderDiff diff() {
        return diff;
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** "current core, 60% of target, weighted": the rule in a few words. */
    static String ruleText(app.rungs.ladder.service.ReadinessRule rule) {
        return (rule.currentCore() ? "current core, " : "")
                + rule.targetPercent()
                + "% of target"
                + (rule.weighted() ? ", weighted" : "");
    }
}
