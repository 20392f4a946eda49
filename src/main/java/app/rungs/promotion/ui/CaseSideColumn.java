package app.rungs.promotion.ui;

import app.rungs.people.service.Colleague;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.SignOff;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.promotion.service.Packet;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;

/** The side of a case page: readiness, reviewers with their sign-offs, and the timeline. */
final class CaseSideColumn {

    private final CaseContext ctx;
    private final CaseDetails details;

    CaseSideColumn(CaseContext ctx) {
        this.ctx = ctx;
        this.details = ctx.details();
    }

    Component sideColumn() {
        var column = new Div(readiness(), reviewers(), timeline());
        column.addClassName("case-side");
        return column;
    }

    private Component readiness() {
        var r = details.packet().readiness();
        var percent = new Span(r.percent() + "%");
        percent.addClassName("readiness-percent");
        var bar = new ProgressBar(0, 100, r.percent());
        bar.getElement().setAttribute("aria-label", "Readiness");
        bar.addClassName("readiness-bar");
        if (r.percent() >= 80) {
            bar.addThemeVariants(com.vaadin.flow.component.progressbar.ProgressBarVariant.LUMO_SUCCESS);
        } else if (r.percent() < 50) {
            bar.addThemeVariants(com.vaadin.flow.component.progressbar.ProgressBarVariant.LUMO_ERROR);
        }
        var summary = new Paragraph(r.met() + " of " + r.total() + " expectations of "
                + details.packet().targetLevelKey()
                + " are backed by acknowledged evidence"
                + (r.notMet().isEmpty() ? "." : " and not marked" + " \"not met\"."));
        summary.addClassName("muted");
        var card = new Card("Readiness", percent, bar, summary);
        card.addClassName("readiness-card");
        if (r.path() != null) {
            var path = new Paragraph("Path: " + r.path());
            path.addClassName("muted");
            card.add(path);
        }
        if (r.checklist() != null && !r.checklist().isEmpty()) {
            var rule = new com.vaadin.flow.component.html.UnorderedList();
            rule.addClassName("readiness-parts");
            rule.setId("packet-readiness-checklist");
            for (var check : r.checklist()) {
                var item = new com.vaadin.flow.component.html.ListItem(
                        (check.met() ? "✓ " : "✗ ") + check.label() + " — " + check.numbers());
                item.addClassName(check.met() ? "met" : "open");
                rule.add(item);
            }
            card.add(new H3(r.ready() ? "Readiness rule: met" : "Readiness rule"), rule);
        }
        if (r.notApplicable() != null && !r.notApplicable().isEmpty()) {
            card.add(new H3("Not applicable"), missingList(r.notApplicable(), true));
        }
        if (!r.notMet().isEmpty()) {
            card.add(new H3("Marked not met"), missingList(r.notMet(), true));
        }
        if (!r.missing().isEmpty()) {
            var missing =
                    new Details(r.missing().size() + " without acknowledged evidence", missingByArea(r.missing()));
            missing.addClassName("missing-details");
            missing.setOpened(r.missing().size() <= 6);
            card.add(missing);
        }
        if (details.packet().frozen()) {
            var frozen = new Paragraph(
                    "Frozen on " + Formats.date(CaseContext.day(details.packet().asOf())) + ".");
            frozen.addClassName("muted");
            card.add(frozen);
        }
        return card;
    }

    /** The missing expectations grouped by area: "Systems Foundations — TCP/IP Networking, RPC Frameworks & gRPC". */
    private static Component missingByArea(List<Packet.Missing> items) {
        var byArea = new java.util.LinkedHashMap<String, List<String>>();
        for (var m : items) {
            byArea.computeIfAbsent(m.areaName(), k -> new ArrayList<>()).add(m.competencyName());
        }
        var list = new Div();
        list.addClassName("missing-areas");
        byArea.forEach((area, names) -> {
            var heading = new Span(area + " (" + names.size() + ")");
            heading.addClassName("missing-area");
            var text = new Span(String.join(" · ", names));
            text.addClassName("missing-names");
            list.add(new Div(heading, text));
        });
        return list;
    }

    private static Component missingList(List<Packet.Missing> items, boolean withNote) {
        var list = new UnorderedList();
        list.addClassName("missing-list");
        for (var m : items) {
            var name = new Span(m.competencyName());
            name.addClassName("missing-name");
            var area = new Span(" · " + m.areaName());
            area.addClassName("muted");
            var item = new ListItem(name, area);
            if (withNote && m.note() != null) {
                var note = new Div(m.note());
                note.addClassName("missing-note");
                item.add(note);
            }
            list.add(item);
        }
        return list;
    }

    private Component reviewers() {
        var card = new Card("Reviewers");
        card.addClassName("reviewers-card");
        boolean editing = details.can(CaseAction.EDIT);
        if (details.reviewers().isEmpty()) {
            var none = new Paragraph(
                    editing
                            ? "No reviewers yet. Choose other managers or staff+ engineers to sign the case off."
                            : "No reviewers chosen yet.");
            none.addClassName("muted");
            card.add(none);
        }
        for (var r : details.reviewers()) {
            var name = new Span(r.name());
            name.addClassName("reviewer-name");
            var row = new Div(name, CaseBadges.signOff(r));
            row.addClassName("reviewer-row");
            if (editing) {
                var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    ctx.reviews().removeReviewer(details.id(), details.version(), r.personId());
                    ctx.done(r.name() + " no longer reviews this case");
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
                remove.setAriaLabel("Remove " + r.name());
                remove.setTooltipText("Remove reviewer");
                row.add(remove);
            }
            var entry = new Div(row);
            entry.addClassName("reviewer");
            if (r.comment() != null) {
                var comment = new Paragraph(r.comment());
                comment.addClassNames("reviewer-comment", "case-text");
                entry.add(comment);
            }
            card.add(entry);
        }
        if (editing) {
            var pick = new ComboBox<Colleague>();
            pick.setPlaceholder("Add a reviewer");
            pick.setAriaLabel("Add a reviewer");
            pick.setItemLabelGenerator(Colleague::label);
            pick.setItems(
                    query -> ctx
                            .queries()
                            .reviewerCandidates(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                            .stream()
                            .skip(query.getOffset())
                            .filter(c -> !c.id().equals(details.engineerId())));
            pick.setWidthFull();
            var add = new Button("Add", VaadinIcon.PLUS.create(), e -> {
                if (pick.getValue() != null) {
                    ctx.reviews()
                            .addReviewer(
                                    details.id(),
                                    details.version(),
                                    pick.getValue().id());
                    ctx.done(pick.getValue().fullName() + " reviews this case");
                }
            });
            var adder = new Div(pick, add);
            adder.addClassName("reviewer-adder");
            card.add(adder);
        }
        if (details.can(CaseAction.SIGN_OFF)) {
            var approve =
                    new Button("Sign off: approve", VaadinIcon.THUMBS_UP.create(), e -> signOffDialog(SignOff.APPROVE));
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
            var concerns =
                    new Button("Raise concerns", VaadinIcon.WARNING.create(), e -> signOffDialog(SignOff.CONCERNS));
            concerns.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var sign = new Div(approve, concerns);
            sign.addClassName("sign-off-actions");
            card.add(sign);
        }
        return card;
    }

    private Component timeline() {
        var list = new Div();
        list.addClassName("timeline");
        for (var e : details.timeline()) {
            var what = new Span(e.action().label() + (e.to() == null ? "" : " → " + e.to().label()));
            what.addClassName("timeline-what");
            var who = new Span(e.actor() + " · " + Formats.dateTime(e.at()));
            who.addClassName("timeline-who");
            var entry = new Div(what, who);
            if (e.note() != null) {
                var note = new Paragraph(e.note());
                note.addClassNames("timeline-note", "case-text");
                entry.add(note);
            }
            entry.addClassName("timeline-entry");
            list.add(entry);
        }
        return new Card("Timeline", list);
    }

    // ---------------------------------------------------------------- dialogs

    private void signOffDialog(SignOff verdict) {
        new TextDialog(
                        verdict == SignOff.APPROVE ? "Approve the case" : "Raise concerns",
                        verdict == SignOff.APPROVE
                                ? "Your sign-off is shown to the committee."
                                : "Describe your concerns so the committee can weigh them.",
                        verdict == SignOff.APPROVE ? "Comment (optional)" : "Concerns",
                        "Sign off",
                        verdict == SignOff.CONCERNS,
                        null,
                        comment -> {
                            ctx.reviews().signOff(details.id(), verdict, comment);
                            ctx.done("Sign-off recorded");
                        })
                .open();
    }
}
