package app.rungs.evidence.ui;

import app.rungs.evidence.service.Coverage;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;

/**
 * The person page's "Coverage" tab: how the person's evidence backs what the next level on their path asks, with
 * the readiness checklist (or, at a fork without a chosen track, the branches).
 */
@org.springframework.stereotype.Component
class PersonCoverageTab implements PersonPageTab {

    private final EvidenceServices evidence;

    PersonCoverageTab(EvidenceServices evidence) {
        this.evidence = evidence;
    }

    @Override
    public String label() {
        return "Coverage";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.ladderId() != null;
    }

    @Override
    public Component create(PersonDetails person) {
        Coverage coverage;
        try {
            coverage = evidence.reading().coverage(person.id(), null);
        } catch (NotFoundException | ValidationException e) {
            var note = new Paragraph(e.getMessage());
            note.addClassName("muted");
            return new Card("Coverage", note);
        }
        var summary = new Paragraph(coverage.summary());
        summary.setId("person-coverage-summary");
        var path = new Paragraph("Path: " + CoverageTexts.path(coverage));
        path.addClassName("muted");
        var readiness = coverage.atFork()
                ? ReadinessChecklist.fork(
                        person.fullName() + " is",
                        coverage.options(),
                        o -> "coverage/" + person.id() + "?level=" + o.key())
                : ReadinessChecklist.of("Readiness for " + coverage.target().key(), coverage.readiness());
        var list = new UnorderedList();
        list.addClassName("hub-list");
        for (var line : coverage.lines()) {
            if (line.state() == Coverage.State.ACKNOWLEDGED || line.notApplicable()) {
                continue;
            }
            var name = new Span(line.competencyName());
            name.addClassName("hub-title");
            var statement = new MarkdownText(line.statement());
            statement.addClassName("muted");
            var text = new Div(name, statement);
            text.addClassName("hub-text");
            list.add(new ListItem(text, state(line.state())));
        }
        var open = new RouterLink("Open the full coverage", CoverageView.class, person.id());
        open.addClassName("panel-link");
        var title = "Coverage of "
                + (coverage.target() == null
                        ? "the next level"
                        : coverage.target().key());
        return new Card(title, path, summary, readiness, list, open);
    }

    private static Span state(Coverage.State state) {
        var badge = new Span(
                switch (state) {
                    case ACKNOWLEDGED -> "Backed";
                    case IN_REVIEW -> "In review";
                    case IN_PROGRESS -> "Draft only";
                    case GAP -> "Gap";
                });
        badge.addClassNames(
                "badge",
                switch (state) {
                    case ACKNOWLEDGED -> "success";
                    case IN_REVIEW -> "primary";
                    case IN_PROGRESS -> "warning";
                    case GAP -> "error";
                });
        return badge;
    }
}
