package app.rungs.promotion.ui;

import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.promotion.service.Packet;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

/** The packet of a case: the justification, per area the narrative and per expectation the evidence and "not met" marks, then the comments. */
final class PacketSection {

    private final CaseContext ctx;
    private final CaseDetails details;

    PacketSection(CaseContext ctx) {
        this.ctx = ctx;
        this.details = ctx.details();
    }

    Component mainColumn() {
        var column = new Div();
        column.addClassName("case-main");
        var justification = new Paragraph(details.justification());
        justification.addClassName("case-text");
        var card = new Card("Justification", justification);
        if (details.can(CaseAction.EDIT)) {
            card.add(CaseButtons.small("Edit case", VaadinIcon.EDIT, e -> new EditCaseDialog(ctx).open()));
        }
        column.add(card);
        var packet = details.packet();
        if (packet.areas().isEmpty()) {
            column.add(new Card(
                    "Packet",
                    new Paragraph("The ladder of this case asks nothing at " + packet.targetLevelKey()
                            + ", or is no longer published.")));
        }
        for (var area : packet.areas()) {
            column.add(area(area));
        }
        PacketInputCards.of(ctx.packets().inputs(details.id())).forEach(column::add);
        column.add(comments());
        return column;
    }

    private Component area(Packet.Area area) {
        long backed = area.lines().stream().filter(Packet.Line::counts).count();
        var card = new Card(area.name());
        card.addClassName("case-area");
        var count = Badges.badge(
                backed + " of " + area.lines().size() + " backed",
                backed == area.lines().size() ? "success" : backed == 0 ? "error" : "warning");
        count.addClassName("case-area-count");
        card.add(count);
        var narrative = new Div();
        narrative.addClassName("case-narrative");
        if (area.narrative() == null) {
            var none = new Paragraph(
                    details.can(CaseAction.EDIT)
                            ? "No narrative yet. Tell the committee how the evidence below adds up in this area."
                            : "No narrative for this area.");
            none.addClassNames("muted", "case-narrative-empty");
            narrative.add(none);
        } else {
            var text = new Paragraph(area.narrative());
            text.addClassName("case-text");
            narrative.add(text);
        }
        if (details.can(CaseAction.EDIT)) {
            narrative.add(CaseButtons.small(
                    area.narrative() == null ? "Write narrative" : "Edit narrative",
                    VaadinIcon.EDIT,
                    e -> new TextDialog(
                                    "Narrative: " + area.name(),
                                    "Why " + details.engineerName() + " works at "
                                            + details.packet().targetLevelKey() + " level in " + area.name() + ".",
                                    "Narrative",
                                    "Save",
                                    false,
                                    area.narrative(),
                                    body -> {
                                        ctx.content().setNarrative(details.id(), details.version(), area.key(), body);
                                        ctx.done("Narrative saved");
                                    })
                            .open()));
        }
        card.add(narrative);
        for (var line : area.lines()) {
            card.add(line(line));
        }
        return card;
    }

    private Component line(Packet.Line line) {
        var name = new Span(line.competencyName());
        name.addClassName("expectation-name");
        var state = line.notMet() != null
                ? Badges.badge("Not met", "warning")
                : line.backed() ? Badges.badge("Backed", "success") : Badges.badge("Missing", "error");
        var head = new Div(name, state);
        if (line.inherited()) {
            var from = Badges.badge("from " + line.definedAtLevelKey(), "");
            from.setTitle("Expected since " + line.definedAtLevelKey() + "; still expected at "
                    + details.packet().targetLevelKey());
            head.add(from);
        }
        head.addClassName("expectation-head");
        var statement = new MarkdownText(line.statement());
        statement.addClassName("expectation-statement");
        var box = new Div(head, statement);
        box.addClassNames("expectation", line.notMet() != null ? "not-met" : line.backed() ? "backed" : "missing");

        if (line.evidence().isEmpty()) {
            var none = new Paragraph("No acknowledged evidence"
                    + (line.pending() > 0
                            ? " — " + line.pending() + (line.pending() == 1 ? " item is" : " items are")
                                    + " not acknowledged yet."
                            : "."));
            none.addClassName("expectation-none");
            box.add(none);
        } else {
            var list = new UnorderedList();
            list.addClassName("evidence-list");
            for (var e : line.evidence()) {
                Component link;
                if (ctx.seesEngineer()) {
                    var open = new Span(e.title());
                    open.getElement().setAttribute("role", "button");
                    open.getElement().setAttribute("tabindex", "0");
                    open.addClickListener(click -> ctx.openEvidence().accept(e.id()));
                    open.addClassNames("evidence-title", "clickable");
                    link = open;
                } else {
                    var title = new Span(e.title());
                    title.addClassName("evidence-title");
                    link = title;
                }
                var meta = new Span(e.typeLabel() + " · " + Formats.date(e.occurredOn()) + " · " + e.levelKey());
                meta.addClassName("evidence-meta");
                list.add(new ListItem(link, meta));
            }
            box.add(list);
        }
        if (line.notMet() != null) {
            var label = new Span("Not met: ");
            label.addClassName("not-met-label");
            var note = new Paragraph(label, new Span(line.notMet()));
            note.addClassName("not-met-note");
            box.add(note);
        }
        if (details.can(CaseAction.EDIT)) {
            var tools = new Div();
            tools.addClassName("expectation-tools");
            tools.add(CaseButtons.small(
                    line.notMet() == null ? "Mark not met" : "Edit mark",
                    VaadinIcon.FLAG_O,
                    e -> new TextDialog(
                                    "Not met: " + line.competencyName(),
                                    "Explain what is missing; " + details.engineerName() + " reads this.",
                                    "Explanation",
                                    "Mark not met",
                                    true,
                                    line.notMet(),
                                    text -> {
                                        ctx.content()
                                                .markNotMet(
                                                        details.id(), details.version(), line.competencyKey(), text);
                                        ctx.done("Marked as not met");
                                    })
                            .open()));
            if (line.notMet() != null) {
                tools.add(CaseButtons.small("Clear mark", VaadinIcon.CLOSE_SMALL, e -> {
                    ctx.content().clearNotMet(details.id(), details.version(), line.competencyKey());
                    ctx.done("Mark cleared");
                }));
            }
            box.add(tools);
        }
        return box;
    }

    private Component comments() {
        var card = new Card("Comments");
        card.addClassName("case-comments");
        if (details.comments().isEmpty()) {
            var none = new Paragraph("No comments yet.");
            none.addClassName("muted");
            card.add(none);
        }
        for (var c : details.comments()) {
            var author = new Span(c.author());
            author.addClassName("comment-author");
            var when = new Span(Formats.dateTime(c.at()));
            when.addClassName("comment-when");
            var head = new Div(author, when);
            if (c.kind() == CommentKind.COMMITTEE_NOTE) {
                head.add(Badges.badge("Committee note · not shown to " + details.engineerName(), "warning"));
            }
            head.addClassName("comment-head");
            var body = new Paragraph(c.body());
            body.addClassName("case-text");
            var entry = new Div(head, body);
            entry.addClassNames("comment", c.kind() == CommentKind.COMMITTEE_NOTE ? "committee-note" : "plain");
            card.add(entry);
        }
        if (details.can(CaseAction.COMMENT)) {
            var text = new TextArea();
            text.setPlaceholder("Add a comment");
            text.setAriaLabel("Comment");
            text.setWidthFull();
            text.setMaxLength(4000);
            var composer = new Div(text);
            composer.addClassName("comment-composer");
            // Only people who may write committee notes get the choice; the engineer's page never mentions them.
            var kind = new RadioButtonGroup<CommentKind>();
            kind.setAriaLabel("Who sees it");
            if (details.can(CaseAction.COMMITTEE_NOTE)) {
                kind.setItems(CommentKind.values());
                kind.setItemLabelGenerator(k -> k == CommentKind.COMMENT
                        ? "Comment (everyone on the case)"
                        : "Committee note (not shown to " + details.engineerName() + ")");
                kind.setValue(CommentKind.COMMENT);
                composer.add(kind);
            }
            var post = new Button("Post", e -> {
                var chosen = kind.getValue() == null ? CommentKind.COMMENT : kind.getValue();
                ctx.reviews().comment(details.id(), chosen, text.getValue());
                ctx.done(chosen == CommentKind.COMMITTEE_NOTE ? "Committee note added" : "Comment added");
            });
            post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            composer.add(post);
            card.add(composer);
        }
        return card;
    }
}
