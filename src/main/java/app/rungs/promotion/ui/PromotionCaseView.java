package app.rungs.promotion.ui;

import app.rungs.evidence.service.EvidenceContext;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.evidence.ui.EvidenceDetailsDialog;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.people.service.Colleague;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseRole;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.SignOff;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.promotion.service.Packet;
import app.rungs.promotion.service.PromotionService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * One promotion case: the packet (per area the narrative, per expectation the acknowledged evidence and "not met"
 * marks), readiness, reviewers with sign-offs, the timeline and comments, with the actions the user may take now.
 * What the engineer of the case sees is filtered by the service (never committee notes).
 */
@Route("promotions/:id(\\d{1,18})")
@PermitAll
@StyleSheet("styles/promotion.css")
public class PromotionCaseView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PromotionService promotions;
    private final EvidenceService evidence;
    private LadderContent ladder;
    CaseDetails details;

    public PromotionCaseView(PromotionService promotions, EvidenceService evidence) {
        this.promotions = promotions;
        this.evidence = evidence;
        addClassNames("page", "case-page");
    }

    static RouteParameters parameters(Long caseId) {
        return new RouteParameters("id", String.valueOf(caseId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters()
                .getLong("id")
                .orElseThrow(() -> new NotFoundException("Promotion case not found"));
        details = promotions.details(id);
        render();
    }

    @Override
    public String getPageTitle() {
        return details == null
                ? "Promotion case"
                : details.engineerName() + " · " + details.packet().targetLevelKey() + " promotion case";
    }

    private void reload() {
        details = promotions.details(details.id());
        render();
    }

    private void done(String message) {
        reload();
        var n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    void render() {
        removeAll();
        var back = new RouterLink("All promotions", PromotionsView.class);
        back.addClassName("case-back");
        var columns = new Div(mainColumn(), sideColumn());
        columns.addClassName("case-columns");
        add(back, header(), actionBar());
        banner().ifPresent(this::add);
        add(columns);
    }

    // ---------------------------------------------------------------- header and actions

    private Component header() {
        var p = details.packet();
        var title = new H1(details.engineerName());
        title.addClassName("page-title");
        var badges = new Div(Badges.status(details.status()), Badges.of(details.cycle(), ""));
        if (details.selfNominated()) {
            badges.add(Badges.of("Self-nominated", "primary"));
        }
        badges.addClassName("case-badges");
        var titleRow = new Div(title, badges);
        titleRow.addClassName("case-title-row");
        var levels = new Div(
                level(p.currentLevelKey(), p.currentLevelTitle(), false),
                arrow(),
                level(p.targetLevelKey(), p.targetLevelTitle(), true));
        levels.addClassName("case-levels");
        var meta = new Paragraph((p.ladderName().isBlank() ? "" : p.ladderName() + " · ") + "Nominated by "
                + details.nominatedByName() + " on " + Formats.date(day(details.createdAt())));
        meta.addClassName("muted");
        var header = new Div(titleRow, levels, meta);
        header.addClassName("case-header");
        return header;
    }

    private static Component level(String key, String title, boolean target) {
        var k = new Span(key);
        k.addClassName("case-level-key");
        var t = new Span(title);
        t.addClassName("case-level-title");
        var box = new Div(k, t);
        box.addClassNames("case-level", target ? "target" : "current");
        return box;
    }

    private static Component arrow() {
        var icon = VaadinIcon.ARROW_RIGHT.create();
        icon.addClassName("case-level-arrow");
        return icon;
    }

    private Component actionBar() {
        var bar = new Div();
        bar.addClassName("case-actions");
        var id = details.id();
        var v = details.version();
        if (details.can(CaseAction.ACCEPT)) {
            bar.add(primary(
                    "Accept nomination",
                    e -> dialog(
                            "Accept the nomination",
                            "The case becomes a draft you complete and submit.",
                            "Note (optional)",
                            "Accept",
                            false,
                            note -> {
                                promotions.accept(id, v, note);
                                done("Nomination accepted");
                            })));
        }
        if (details.can(CaseAction.DECLINE)) {
            bar.add(button(
                    "Decline",
                    e -> dialog(
                            "Decline the nomination",
                            details.engineerName() + " reads your reason.",
                            "Reason",
                            "Decline",
                            true,
                            reason -> {
                                promotions.decline(id, v, reason);
                                done("Nomination declined");
                            })));
        }
        if (details.can(CaseAction.SUBMIT)) {
            bar.add(primary("Submit", e -> {
                promotions.submit(id, v, null);
                done("Case submitted");
            }));
        }
        if (details.can(CaseAction.START_CALIBRATION)) {
            bar.add(primary("Move to calibration", e -> {
                promotions.startCalibration(id, v, null);
                done("Case moved to calibration; its packet is frozen");
            }));
        }
        if (details.can(CaseAction.APPROVE)) {
            bar.add(success("Approve", e -> approveDialog()));
        }
        if (details.can(CaseAction.NOT_YET)) {
            bar.add(button(
                    "Not yet",
                    e -> dialog(
                            "Decide \"not yet\"",
                            "Write the feedback " + details.engineerName()
                                    + " will read: what is missing, and what would" + " make the case next time.",
                            "Feedback",
                            "Decide not yet",
                            true,
                            feedback -> {
                                promotions.notYet(id, v, feedback);
                                done("Decision recorded");
                            })));
        }
        if (details.can(CaseAction.RETURN_TO_SUBMITTED) || details.can(CaseAction.RETURN_TO_DRAFT)) {
            bar.add(button("Return for changes", e -> returnDialog()));
        }
        if (details.can(CaseAction.WITHDRAW)) {
            var withdraw = button(
                    "Withdraw",
                    e -> dialog(
                            "Withdraw the case",
                            "The case closes; a new one can be started later.",
                            "Note (optional)",
                            "Withdraw",
                            false,
                            note -> {
                                promotions.withdraw(id, v, note);
                                done("Case withdrawn");
                            }));
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(withdraw);
        }
        var spacer = new Span();
        spacer.addClassName("spacer");
        bar.add(
                spacer,
                export("PDF", "application/pdf", VaadinIcon.FILE_TEXT_O),
                export("Markdown", "text/markdown", VaadinIcon.FILE_CODE));
        return bar;
    }

    private Anchor export(String format, String mediaType, VaadinIcon icon) {
        var id = details.id();
        var fileName = details.exportFileName(format.equals("PDF") ? "pdf" : "md");
        var anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = format.equals("PDF")
                            ? promotions.exportPdf(id)
                            : promotions.exportMarkdown(id).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mediaType, bytes.length);
                }),
                AttachmentType.DOWNLOAD,
                "");
        var label = new Button("Export " + format, icon.create());
        label.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        label.setTabIndex(-1);
        anchor.add(label);
        anchor.addClassName("case-export");
        return anchor;
    }

    private java.util.Optional<Component> banner() {
        var name = details.engineerName();
        boolean engineer = details.roles().contains(CaseRole.ENGINEER);
        return switch (details.status()) {
            case APPROVED ->
                java.util.Optional.of(banner(
                        "success",
                        VaadinIcon.CHECK_CIRCLE,
                        "Approved — " + details.packet().targetLevelKey() + " effective "
                                + Formats.date(details.effectiveDate()),
                        "Decided on " + Formats.date(day(details.decidedAt())) + ". The level change is recorded in "
                                + (engineer ? "your" : name + "'s") + " level history, linked to this case."));
            case NOT_YET ->
                java.util.Optional.of(banner(
                        "error",
                        VaadinIcon.INFO_CIRCLE,
                        "Not yet — feedback from the committee",
                        details.closingNote()));
            case DECLINED ->
                java.util.Optional.of(banner(
                        "error", VaadinIcon.CLOSE_CIRCLE, "The self-nomination was declined", details.closingNote()));
            case WITHDRAWN ->
                java.util.Optional.of(banner("", VaadinIcon.ARCHIVE, "This case was withdrawn", details.closingNote()));
            case IN_CALIBRATION ->
                java.util.Optional.of(banner(
                        "warning",
                        VaadinIcon.LOCK,
                        "In calibration — the packet is frozen",
                        "The committee decides on the packet as it was on "
                                + Formats.date(day(details.packet().asOf()))
                                + ". To change it, return the case for changes."));
            case PROPOSED ->
                java.util.Optional.of(banner(
                        "primary",
                        VaadinIcon.HAND,
                        engineer ? "Waiting for your manager" : name + " nominated themselves",
                        engineer
                                ? "Your manager accepts the nomination and builds the packet with you, or declines it"
                                        + " with a reason."
                                : "Accept the nomination to start the packet, or decline it with a reason."));
            default -> java.util.Optional.empty();
        };
    }

    private static Component banner(String variant, VaadinIcon icon, String title, String text) {
        var heading = new Span(title);
        heading.addClassName("case-banner-title");
        var body = new Div(heading);
        if (text != null && !text.isBlank()) {
            var p = new Paragraph(text);
            p.addClassName("case-text");
            body.add(p);
        }
        var banner = new Div(icon.create(), body);
        banner.addClassNames("case-banner", variant.isEmpty() ? "neutral" : variant);
        return banner;
    }

    // ---------------------------------------------------------------- main column: justification, packet, comments

    private Component mainColumn() {
        var column = new Div();
        column.addClassName("case-main");
        var justification = new Paragraph(details.justification());
        justification.addClassName("case-text");
        var card = new Card("Justification", justification);
        if (details.can(CaseAction.EDIT)) {
            card.add(small("Edit case", VaadinIcon.EDIT, e -> editDialog()));
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
        column.add(comments());
        return column;
    }

    private Component area(Packet.Area area) {
        long backed = area.lines().stream().filter(Packet.Line::counts).count();
        var card = new Card(area.name());
        card.addClassName("case-area");
        var count = Badges.of(
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
            narrative.add(small(
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
                                        promotions.setNarrative(details.id(), details.version(), area.key(), body);
                                        done("Narrative saved");
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
                ? Badges.of("Not met", "warning")
                : line.backed() ? Badges.of("Backed", "success") : Badges.of("Missing", "error");
        var head = new Div(name, state);
        if (line.inherited()) {
            var from = Badges.of("from " + line.definedAtLevelKey(), "");
            from.setTitle("Expected since " + line.definedAtLevelKey() + "; still expected at "
                    + details.packet().targetLevelKey());
            head.add(from);
        }
        head.addClassName("expectation-head");
        var statement = new Paragraph(line.statement());
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
                if (seesEngineer()) {
                    var open = new Span(e.title());
                    open.getElement().setAttribute("role", "button");
                    open.getElement().setAttribute("tabindex", "0");
                    open.addClickListener(click -> openEvidence(e.id()));
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
            tools.add(small(
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
                                        promotions.markNotMet(
                                                details.id(), details.version(), line.competencyKey(), text);
                                        done("Marked as not met");
                                    })
                            .open()));
            if (line.notMet() != null) {
                tools.add(small("Clear mark", VaadinIcon.CLOSE_SMALL, e -> {
                    promotions.clearNotMet(details.id(), details.version(), line.competencyKey());
                    done("Mark cleared");
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
                head.add(Badges.of("Committee note · not shown to " + details.engineerName(), "warning"));
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
            text.setWidthFull();
            text.setMaxLength(4000);
            var composer = new Div(text);
            composer.addClassName("comment-composer");
            // Only people who may write committee notes get the choice; the engineer's page never mentions them.
            var kind = new RadioButtonGroup<CommentKind>();
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
                promotions.comment(details.id(), chosen, text.getValue());
                done(chosen == CommentKind.COMMITTEE_NOTE ? "Committee note added" : "Comment added");
            });
            post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            composer.add(post);
            card.add(composer);
        }
        return card;
    }

    // ---------------------------------------------------------------- side column: readiness, reviewers, timeline

    private Component sideColumn() {
        var column = new Div(readiness(), reviewers(), timeline());
        column.addClassName("case-side");
        return column;
    }

    private Component readiness() {
        var r = details.packet().readiness();
        var percent = new Span(r.percent() + "%");
        percent.addClassName("readiness-percent");
        var bar = new ProgressBar(0, 100, r.percent());
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
                    "Frozen on " + Formats.date(day(details.packet().asOf())) + ".");
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
            var row = new Div(name, Badges.signOff(r.signOff()));
            row.addClassName("reviewer-row");
            if (editing) {
                var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    promotions.removeReviewer(details.id(), details.version(), r.personId());
                    done(r.name() + " no longer reviews this case");
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
            pick.setItemLabelGenerator(Colleague::label);
            pick.setItems(query ->
                    promotions
                            .reviewerCandidates(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                            .stream()
                            .skip(query.getOffset())
                            .filter(c -> !c.id().equals(details.engineerId())));
            pick.setWidthFull();
            var add = new Button("Add", VaadinIcon.PLUS.create(), e -> {
                if (pick.getValue() != null) {
                    promotions.addReviewer(
                            details.id(), details.version(), pick.getValue().id());
                    done(pick.getValue().fullName() + " reviews this case");
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

    private void dialog(
            String title,
            String intro,
            String label,
            String confirm,
            boolean required,
            java.util.function.Consumer<String> action) {
        new TextDialog(title, intro, label, confirm, required, null, action).open();
    }

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
                            promotions.signOff(details.id(), verdict, comment);
                            done("Sign-off recorded");
                        })
                .open();
    }

    private void approveDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Approve the promotion");
        dialog.addClassName("case-dialog");
        dialog.setWidth("min(36rem, 95vw)");
        var intro = new Paragraph(details.engineerName() + " moves to "
                + details.packet().targetLevelKey() + " "
                + details.packet().targetLevelTitle() + " on the effective date; the level history records it with"
                + " this case, and " + details.engineerName() + " is notified.");
        intro.addClassName("muted");
        var effective = new DatePicker("Effective date");
        effective.setValue(LocalDate.now().with(TemporalAdjusters.firstDayOfNextMonth()));
        effective.setRequiredIndicatorVisible(true);
        var note = new TextArea("Note (optional)");
        note.setWidthFull();
        note.setMaxLength(4000);
        dialog.add(intro, effective, note);
        var approve = new Button("Approve", e -> {
            promotions.approve(details.id(), details.version(), effective.getValue(), note.getValue());
            dialog.close();
            done("Promotion approved");
        });
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), approve);
        dialog.open();
    }

    private void returnDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Return for changes");
        dialog.addClassName("case-dialog");
        dialog.setWidth("min(36rem, 95vw)");
        var to = new RadioButtonGroup<CaseStatus>("Return to");
        var targets = new ArrayList<CaseStatus>();
        if (details.can(CaseAction.RETURN_TO_SUBMITTED)) {
            targets.add(CaseStatus.SUBMITTED);
        }
        if (details.can(CaseAction.RETURN_TO_DRAFT)) {
            targets.add(CaseStatus.DRAFT);
        }
        to.setItems(targets);
        to.setItemLabelGenerator(s -> s == CaseStatus.SUBMITTED
                ? "Submitted — the manager edits and it goes back to calibration"
                : "Draft — the manager reworks and submits it again");
        to.setValue(targets.getFirst());
        var reason = new TextArea("What needs to change");
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(4000);
        dialog.add(to, reason);
        var confirm = new Button("Return", e -> {
            promotions.returnForChanges(details.id(), details.version(), to.getValue(), reason.getValue());
            dialog.close();
            done("Case returned for changes");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void editDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Edit the case");
        dialog.addClassName("case-dialog");
        dialog.setWidth("min(42rem, 95vw)");
        var target = new ComboBox<LevelView>("Target level");
        target.setItemLabelGenerator(l -> l.key() + " · " + l.title());
        var levels = promotions.targetLevels(details.engineerId());
        target.setItems(levels);
        levels.stream()
                .filter(l -> l.key().equals(details.packet().targetLevelKey()))
                .findFirst()
                .ifPresent(target::setValue);
        var cycle = new TextField("Cycle");
        cycle.setValue(details.cycle());
        var justification = new TextArea("Justification");
        justification.setValue(details.justification());
        justification.setWidthFull();
        justification.setMinHeight("10rem");
        var form = new FormLayout(target, cycle, justification);
        form.setColspan(justification, 2);
        dialog.add(form);
        var save = new Button("Save", e -> {
            promotions.update(
                    details.id(),
                    details.version(),
                    target.getValue() == null ? null : target.getValue().key(),
                    cycle.getValue(),
                    justification.getValue());
            dialog.close();
            done("Case updated");
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    // ---------------------------------------------------------------- small helpers

    /** Whether the user may open the engineer's evidence items (reviewers outside the line read titles only). */
    private boolean seesEngineer() {
        var roles = details.roles();
        return roles.contains(CaseRole.ADMIN)
                || roles.contains(CaseRole.LINE_MANAGER)
                || roles.contains(CaseRole.ENGINEER);
    }

    /** Opens an item with the evidence feature's own details dialog, which checks access again. */
    private void openEvidence(Long evidenceId) {
        if (ladder == null) {
            ladder = evidence.context(details.engineerId())
                    .map(EvidenceContext::ladder)
                    .orElse(null);
        }
        new EvidenceDetailsDialog(evidence, ladder, evidenceId, this::reload, null).open();
    }

    private static Button primary(
            String text,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        var b = new Button(text, click);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    private static Button success(
            String text,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        var b = new Button(text, VaadinIcon.CHECK.create(), click);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        return b;
    }

    private static Button button(
            String text,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        return new Button(text, click);
    }

    private static Button small(
            String text,
            VaadinIcon icon,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        var b = new Button(text, icon.create(), click);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private static LocalDate day(java.time.Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneId.systemDefault());
    }
}
