package app.rungs.evidence.ui;

import app.rungs.evidence.domain.CommentKind;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.evidence.service.EvidenceFields;
import app.rungs.ladder.service.LadderContent;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The read-only parts of an evidence item as {@link EvidenceDetailsDialog} shows them; no actions, no service. */
final class EvidenceDetailsSections {

    private EvidenceDetailsSections() {}

    static Component reviewBanner(EvidenceDetails item) {
        var banner = new Div();
        banner.addClassName("review-banner");
        if (item.status() == EvidenceStatus.RETURNED) {
            banner.addClassName("returned");
            banner.add(
                    VaadinIcon.ARROW_BACKWARD.create(),
                    new Div(
                            new Span("Returned by " + item.reviewedBy() + " on " + date(item.reviewedAt())),
                            new Paragraph(item.reviewComment())));
        } else if (item.status() == EvidenceStatus.ACKNOWLEDGED) {
            banner.addClassName("acknowledged");
            banner.add(
                    VaadinIcon.CHECK_CIRCLE.create(),
                    new Span("Acknowledged by " + item.reviewedBy() + " on " + date(item.reviewedAt())));
        } else if (item.status() == EvidenceStatus.SUBMITTED) {
            banner.addClassName("submitted");
            banner.add(
                    VaadinIcon.INBOX.create(),
                    new Span("Submitted on " + date(item.submittedAt()) + ", waiting for review"));
        } else {
            banner.addClassName("draft");
            banner.add(VaadinIcon.EDIT.create(), new Span("Draft — only visible to reviewers once submitted"));
        }
        return banner;
    }

    static Component meta(EvidenceDetails item, LadderContent ladder) {
        var grid = new Div();
        grid.addClassName("evidence-meta");
        grid.add(metaItem("Owner", new Span(item.ownerName())));
        grid.add(metaItem("Date", new Span(Formats.date(item.occurredOn()))));
        grid.add(metaItem("Level", new Span(EvidenceRenderers.levelLabel(ladder, item.levelKey()))));
        grid.add(metaItem("Supports", EvidenceRenderers.competencyChips(ladder, item.competencyKeys(), 8)));
        return grid;
    }

    private static Component metaItem(String label, Component value) {
        var caption = new Span(label);
        caption.addClassName("meta-label");
        var box = new Div(caption, value);
        box.addClassName("meta-item");
        return box;
    }

    static Component section(String title, Component content) {
        var heading = new H3(title);
        heading.addClassName("evidence-section-title");
        var section = new Div(heading, content);
        section.addClassName("evidence-section");
        return section;
    }

    static Component markdown(String text, String empty) {
        var rendered = new MarkdownText(text);
        return rendered.isBlank() ? Badges.muted(empty) : rendered;
    }

    static Component plain(String text, String empty) {
        var p = new Paragraph(text == null || text.isBlank() ? empty : text);
        p.addClassName(text == null || text.isBlank() ? "muted" : "plain-text");
        return p;
    }

    /** The type-specific fields that have a value (booleans always), or null when the type has none. */
    static Component fields(EvidenceDetails item) {
        var specs = EvidenceFields.of(item.type());
        if (specs.isEmpty()) {
            return null;
        }
        var list = new Div();
        list.addClassName("type-fields");
        for (var field : specs) {
            var value = item.details().get(field.key());
            Component shown;
            if (value == null) {
                if (field.kind() != EvidenceFields.Kind.BOOLEAN) {
                    continue;
                }
                shown = new Span("No");
            } else if (field.kind() == EvidenceFields.Kind.URL) {
                shown = new Anchor(value, value, AnchorTarget.BLANK);
                shown.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            } else if (field.kind() == EvidenceFields.Kind.PATTERN
                    && field.key().equals("doi")) {
                shown = new Anchor("https://doi.org/" + value, value, AnchorTarget.BLANK);
                shown.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            } else if (field.kind() == EvidenceFields.Kind.DATE) {
                shown = new Span(Formats.date(java.time.LocalDate.parse(value)));
            } else {
                shown = new Span(field.display(value));
            }
            var label = new Span(field.label());
            label.addClassName("meta-label");
            var row = new Div(label, shown);
            row.addClassName("type-field");
            list.add(row);
        }
        return list;
    }

    static Component links(EvidenceDetails item) {
        var list = new Div();
        list.addClassName("link-list");
        for (var link : item.links()) {
            var a = new Anchor(link, link, AnchorTarget.BLANK);
            a.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            var row = new Div(VaadinIcon.EXTERNAL_LINK.create(), a);
            row.addClassName("link-row");
            list.add(row);
        }
        return list;
    }

    static Component threadEntry(EvidenceDetails.Comment c) {
        var who = new Span(c.authorName());
        who.addClassName("thread-author");
        var what = new Span(
                switch (c.kind()) {
                    case SUBMITTED -> "submitted for review";
                    case ACKNOWLEDGED -> "acknowledged";
                    case RETURNED -> "returned it";
                    case COMMENT -> "commented";
                });
        what.addClassName("thread-action");
        var when = new Span(Formats.dateTime(c.createdAt()));
        when.addClassName("thread-when");
        var line = new Div(who, what, when);
        line.addClassName("thread-line");
        var entry = new Div(line);
        entry.addClassNames("thread-entry", "kind-" + c.kind().name().toLowerCase());
        if (c.body() != null) {
            var text = new Paragraph(c.body());
            text.addClassName("thread-body");
            entry.add(text);
        }
        if (c.kind() == CommentKind.RETURNED) {
            entry.addClassName("returned");
        }
        return entry;
    }

    static Component history(EvidenceDetails item) {
        var list = new Div();
        list.addClassName("revision-list");
        for (var r : item.revisions()) {
            var s = r.snapshot();
            var content = new Div();
            content.addClassName("revision-content");
            content.add(new Paragraph(s.title() + " · " + Formats.date(java.time.LocalDate.parse(s.occurredOn()))
                    + " · " + s.levelKey()));
            if (s.reviewedBy() != null) {
                var by = new Paragraph("Acknowledged by " + s.reviewedBy()
                        + (s.reviewedAt() == null ? "" : " on " + date(java.time.Instant.parse(s.reviewedAt()))));
                by.addClassName("muted");
                content.add(by);
            }
            content.add(markdown(s.description(), "No description."));
            if (s.impact() != null) {
                content.add(new Paragraph("Impact: " + s.impact()));
            }
            if (!s.attachments().isEmpty()) {
                content.add(new Paragraph("Attachments then: " + String.join(", ", s.attachments())));
            }
            var details = new Details(
                    "Revision " + r.revision() + " — " + r.status().label().toLowerCase() + ", kept "
                            + Formats.dateTime(r.recordedAt()),
                    content);
            list.add(details);
        }
        return section("Earlier revisions", list);
    }

    static String date(java.time.Instant instant) {
        return instant == null ? "" : Formats.date(instant);
    }
}
