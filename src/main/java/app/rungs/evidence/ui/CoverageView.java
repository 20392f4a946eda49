package app.rungs.evidence.ui;

import app.rungs.evidence.service.Coverage;
import app.rungs.ladder.service.LadderContent;
import app.rungs.people.service.LineQuery;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every expectation of a target level — the next level by default — with the evidence that backs it, gaps
 * highlighted. {@code coverage} shows the signed-in engineer's own; {@code coverage/<personId>} lets a manager look
 * at someone in their reporting line.
 */
@Route("coverage")
@PageTitle("Coverage")
@Menu(order = 11, icon = "vaadin:chart-grid", title = "Coverage")
@RolesAllowed({AppRoles.ENGINEER, AppRoles.MANAGER})
@StyleSheet(EvidenceRenderers.STYLESHEET)
public class CoverageView extends Div implements HasUrlParameter<Long> {

    private final EvidenceServices evidence;
    private final PeopleService people;
    private final PersonDirectory directory;
    private Long personId;
    private boolean rendering;
    private boolean own;
    final Select<String> level = new Select<>();
    final Checkbox gapsOnly = new Checkbox("Gaps only");
    private final Div content = new Div();
    Coverage coverage;
    private LadderContent ladder;

    public CoverageView(EvidenceServices evidence, PeopleService people, PersonDirectory directory) {
        this.evidence = evidence;
        this.people = people;
        this.directory = directory;
        addClassNames("page", "coverage-page");
        level.setLabel("Target level");
        level.setId("coverage-level");
        gapsOnly.setId("coverage-gaps-only");
        level.addValueChangeListener(e -> {
            if (!rendering && e.getValue() != null) {
                render(e.getValue());
            }
        });
        gapsOnly.addValueChangeListener(e -> renderLines());
        add(content);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long parameter) {
        var me = CurrentUser.require().personId();
        personId = parameter == null ? me : parameter;
        own = personId != null && personId.equals(me);
        render(event.getLocation()
                .getQueryParameters()
                .getSingleParameter("level")
                .orElse(null));
    }

    private void render(String levelKey) {
        content.removeAll();
        if (personId == null) {
            content.add(title("Coverage"), new Card("No profile", new Paragraph("Your account has no person record.")));
            return;
        }
        try {
            coverage = evidence.reading().coverage(personId, levelKey);
        } catch (NotFoundException | ValidationException e) {
            content.add(
                    title("Coverage"),
                    new Card(
                            "Nothing to show",
                            new Paragraph(
                                    e instanceof ValidationException v
                                            ? String.join(" ", v.problems())
                                            : "This person does not exist or is not in your reporting line.")));
            return;
        }
        var heading = title(own ? "Coverage" : "Coverage — " + coverage.fullName());
        var target = coverage.target();
        var intro = new Paragraph((own ? "You are " : coverage.fullName() + " is ") + coverage.currentLevelKey()
                + " on " + coverage.ladderName() + ", path: " + CoverageTexts.path(coverage) + ". Showing what "
                + target.key() + " · " + target.title() + " asks of this path, inherited expectations included.");
        intro.addClassNames("muted", "page-intro");

        level.setItems(
                coverage.levels().stream().map(LadderContent.LevelView::key).toList());
        level.setItemLabelGenerator(k -> coverage.levels().stream()
                .filter(l -> l.key().equals(k))
                .map(l -> l.key() + " · " + l.title())
                .findFirst()
                .orElse(k));
        rendering = true;
        try {
            level.setValue(target.key());
        } finally {
            rendering = false;
        }
        var controls = new Div(level, gapsOnly);
        controls.addClassName("coverage-controls");
        personPicker().ifPresent(p -> controls.addComponentAsFirst(p));
        level.setWidth("24rem");
        if (own) {
            var log = new Button(
                    "Log evidence",
                    VaadinIcon.PLUS.create(),
                    e -> UI.getCurrent()
                            .navigate(
                                    MyEvidenceView.class,
                                    QueryParameters.simple(Map.of("new", "1", "level", target.key()))));
            log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            log.setId("coverage-log-evidence");
            controls.add(log);
        }
        var head = new Div(new Div(heading, intro), controls);
        head.addClassName("page-head");
        content.add(head, summary(), readiness(), lines);
        renderLines();
    }

    private java.util.Optional<Component> personPicker() {
        var user = CurrentUser.require();
        if (!user.has(Role.MANAGER) || people.myLineSize().total() == 0) {
            return java.util.Optional.empty();
        }
        var me = user.personId();
        var picker = new ComboBox<PersonChoice>("Person");
        picker.setId("coverage-person");
        picker.setItemLabelGenerator(PersonChoice::label);
        // Searched by name a page at a time in SQL, "Myself" first while nothing is typed: a director's line can hold
        // tens of thousands of people, so it is never loaded whole.
        picker.setItems(query -> {
            var text = query.getFilter().orElse("");
            int offset = query.getOffset();
            int limit = query.getLimit();
            var page = new ArrayList<PersonChoice>();
            if (me != null && text.isBlank()) {
                if (offset == 0) {
                    page.add(new PersonChoice(me, "Myself"));
                    limit--;
                } else {
                    offset--;
                }
            }
            if (limit > 0) {
                directory.cards(people.myLinePage(LineQuery.named(text), offset, limit)).values().stream()
                        .map(c -> new PersonChoice(c.id(), c.fullName() + " · " + c.levelKey()))
                        .forEach(page::add);
            }
            return page.stream();
        });
        picker.setValue(
                own
                        ? new PersonChoice(me, "Myself")
                        : new PersonChoice(personId, coverage.fullName() + " · " + coverage.currentLevelKey()));
        picker.setWidth("16rem");
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                if (e.getValue().id().equals(me)) {
                    UI.getCurrent().navigate(CoverageView.class);
                } else {
                    UI.getCurrent().navigate(CoverageView.class, e.getValue().id());
                }
            }
        });
        return java.util.Optional.of(picker);
    }

    /** An entry of the person picker; the same person whatever the label. */
    record PersonChoice(Long id, String label) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PersonChoice other && java.util.Objects.equals(id, other.id);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(id);
        }
    }

    private static H1 title(String text) {
        var h = new H1(text);
        h.addClassName("page-title");
        return h;
    }

    private Component summary() {
        var percent = new Span(coverage.percent() + "%");
        percent.addClassName("coverage-percent");
        var text = new Span(coverage.summary());
        text.setId("coverage-summary");
        text.addClassName("coverage-summary-text");
        var bar = new ProgressBar(0, Math.max(1, coverage.counted().size()), coverage.acknowledged());
        bar.getElement().setAttribute("aria-label", "Expectations backed by acknowledged evidence");
        bar.addClassName("coverage-bar");
        var legend = new Div(
                legend("acknowledged", coverage.acknowledged(), "backed by acknowledged evidence"),
                legend("in-review", coverage.inReview(), "with evidence in review"),
                legend("in-progress", coverage.inProgress(), "with drafts or returned evidence"),
                legend("gap", coverage.gaps(), coverage.gaps() == 1 ? "gap" : "gaps"));
        legend.addClassName("coverage-legend");
        var card = new Div(new Div(percent, new Div(text, bar)), legend);
        card.addClassNames("rungs-card", "coverage-summary");
        return card;
    }

    private Component readiness() {
        if (coverage.atFork()) {
            return ReadinessChecklist.fork(
                    own ? "You are" : coverage.fullName() + " is",
                    coverage.options(),
                    option -> (own ? "coverage" : "coverage/" + personId) + "?level=" + option.key());
        }
        return ReadinessChecklist.of("Readiness for " + coverage.target().key(), coverage.readiness());
    }

    private static Component legend(String state, long count, String label) {
        var dot = new Span();
        dot.addClassNames("legend-dot", "state-" + state);
        var n = new Span(String.valueOf(count));
        n.addClassName("legend-count");
        var caption = new Span(label);
        caption.addClassName("muted");
        var item = new Div(dot, n, caption);
        item.addClassName("legend-item");
        item.setId("coverage-count-" + state);
        return item;
    }

    private final Div lines = new Div();

    private void renderLines() {
        lines.removeAll();
        lines.addClassName("coverage-lines");
        if (coverage == null) {
            return;
        }
        Map<String, List<Coverage.Line>> byArea = new LinkedHashMap<>();
        for (var line : coverage.lines()) {
            if (gapsOnly.getValue() && (line.state() != Coverage.State.GAP || line.notApplicable())) {
                continue;
            }
            byArea.computeIfAbsent(line.areaName(), k -> new ArrayList<>()).add(line);
        }
        if (byArea.isEmpty()) {
            var done = new Paragraph(gapsOnly.getValue() ? "No gaps: every expectation has evidence." : "");
            done.addClassName("muted");
            lines.add(done);
        }
        byArea.forEach((area, areaLines) -> {
            var heading = new H2(area);
            heading.addClassName("coverage-area");
            var backed = areaLines.stream()
                    .filter(l -> !l.notApplicable() && l.state() == Coverage.State.ACKNOWLEDGED)
                    .count();
            var counted = areaLines.stream().filter(l -> !l.notApplicable()).count();
            var tally = new Span(backed + " of " + counted);
            tally.addClassName("muted");
            var head = new Div(heading, tally);
            head.addClassName("coverage-area-head");
            var group = new Div(head);
            group.addClassName("coverage-area-group");
            areaLines.forEach(l -> group.add(line(l)));
            lines.add(group);
        });
    }

    private Component line(Coverage.Line l) {
        var name = new Span(l.competencyName());
        name.addClassName("competency-name");
        var head = new Div(name);
        head.addClassName("coverage-line-head");
        if (l.inherited()) {
            var inherited = new Span("from " + l.definedAtLevelKey());
            inherited.addClassName("badge");
            inherited.getElement().setAttribute("title", "Inherited from " + l.definedAtLevelKey());
            head.add(inherited);
        }
        CoverageTexts.applicabilityBadge(l.applicability()).ifPresent(head::add);
        head.add(l.notApplicable() ? CoverageTexts.notApplicableBadge() : stateBadge(l.state()));
        var statement = new MarkdownText(l.statement());
        statement.addClassName("coverage-statement");
        var evidenceRow = new Div();
        evidenceRow.addClassName("coverage-evidence");
        var chips = new CoverageChips(
                this::openEvidence,
                (line, offset) -> evidence.reading()
                        .coverageEvidence(
                                personId, line.competencyKey(), line.definedAtLevelKey(), offset, CoverageChips.PAGE));
        chips.fill(l, evidenceRow);
        if (l.evidence().isEmpty()) {
            var none = new Span("No evidence yet");
            none.addClassName("no-evidence");
            evidenceRow.add(none);
        }
        if (own && l.state() != Coverage.State.ACKNOWLEDGED) {
            var add = new Anchor(
                    "my-evidence?"
                            + QueryParameters.simple(Map.of(
                                            "new", "1",
                                            "competency", l.competencyKey(),
                                            "level", coverage.target().key()))
                                    .getQueryString(),
                    "Add evidence");
            add.addClassName("add-evidence-link");
            add.getElement().insertChild(0, VaadinIcon.PLUS.create().getElement());
            if (!l.notApplicable()) {
                evidenceRow.add(add);
            }
        }
        var line = new Div(head, statement, evidenceRow);
        waiverRow(l).ifPresent(line::add);
        line.addClassNames(
                "coverage-line", "state-" + l.state().name().toLowerCase().replace('_', '-'));
        line.setId("coverage-line-" + l.competencyKey());
        return line;
    }

    /** The waiver of a line (its state and reason) and what the reader may do about it. */
    private java.util.Optional<Component> waiverRow(Coverage.Line l) {
        var row = new Div();
        row.addClassName("coverage-waiver");
        var w = l.waiver();
        if (w != null) {
            row.add(CoverageTexts.waiverText(w));
        }
        boolean open = w != null && w.status() != app.rungs.evidence.domain.WaiverStatus.DECLINED;
        var waivers = evidence.waivers();
        var name = l.competencyName();
        if (own && !open) {
            row.add(action(
                    "Not applicable to me…",
                    "waiver-request-" + l.competencyKey(),
                    () -> new WaiverDialog(
                                    "Ask that " + name + " not apply to you",
                                    "Your manager decides. Until then it counts as usual.",
                                    "Why it does not apply to your path",
                                    "Send request",
                                    true,
                                    reason -> waivers.request(l.competencyKey(), reason),
                                    this::reload)
                            .open()));
        }
        if (w != null && w.mayDecide()) {
            row.add(action("Approve", "waiver-approve-" + l.competencyKey(), () -> {
                if (app.rungs.shared.ui.Toasts.attempt(() -> waivers.decide(w.id(), w.version(), true, null))) {
                    reload();
                }
            }));
            row.add(action(
                    "Decline…",
                    "waiver-decline-" + l.competencyKey(),
                    () -> new WaiverDialog(
                                    "Decline: " + name + " still applies",
                                    "Say why, so " + coverage.fullName() + " knows what to do.",
                                    "Why it still applies",
                                    "Decline",
                                    true,
                                    reason -> waivers.decide(w.id(), w.version(), false, reason),
                                    this::reload)
                            .open()));
        } else if (coverage.mayDecideWaivers() && !open) {
            row.add(action(
                    "Mark not applicable…",
                    "waiver-mark-" + l.competencyKey(),
                    () -> new WaiverDialog(
                                    "Mark " + name + " not applicable to " + coverage.fullName(),
                                    "It leaves their coverage and readiness at once. The reason is audited and shown to them.",
                                    "Reason",
                                    "Mark not applicable",
                                    true,
                                    reason -> waivers.markNotApplicable(personId, l.competencyKey(), reason),
                                    this::reload)
                            .open()));
        }
        return row.getChildren().findAny().isPresent() ? java.util.Optional.of(row) : java.util.Optional.empty();
    }

    private static Button action(String text, String id, Runnable run) {
        var b = new Button(text, e -> run.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.setId(id);
        return b;
    }

    private void reload() {
        render(
                coverage.target().key().equals(coverage.currentLevelKey()) && coverage.atFork()
                        ? null
                        : coverage.target().key());
    }

    private static Component stateBadge(Coverage.State state) {
        var badge = new Span(
                switch (state) {
                    case ACKNOWLEDGED -> "Backed";
                    case IN_REVIEW -> "In review";
                    case IN_PROGRESS -> "In progress";
                    case GAP -> "Gap";
                });
        badge.addClassName("badge");
        badge.addClassName(
                switch (state) {
                    case ACKNOWLEDGED -> "success";
                    case IN_REVIEW -> "primary";
                    case IN_PROGRESS -> "contrast";
                    case GAP -> "warning";
                });
        badge.addClassName("state-badge");
        return badge;
    }

    private void openEvidence(Long id) {
        if (ladder == null) {
            ladder = evidence.reading().context(personId).map(c -> c.ladder()).orElse(null);
        }
        new EvidenceDetailsDialog(
                        evidence, ladder, id, () -> render(coverage.target().key()), null)
                .open();
    }
}
