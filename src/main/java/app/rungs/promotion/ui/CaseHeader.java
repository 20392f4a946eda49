package app.rungs.promotion.ui;

import app.rungs.promotion.domain.CaseRole;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;

/** The top of a case page: engineer, levels, badges, and the banner that says where the case stands. */
final class CaseHeader {

    private final CaseContext ctx;
    private final CaseDetails details;

    CaseHeader(CaseContext ctx) {
        this.ctx = ctx;
        this.details = ctx.details();
    }

    Component header() {
        var p = details.packet();
        var title = new H1(details.engineerName());
        title.addClassName("page-title");
        var badges = new Div(CaseBadges.status(details.status()), Badges.badge(details.cycle(), ""));
        if (details.selfNominated()) {
            badges.add(Badges.badge("Self-nominated", "primary"));
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
                + details.nominatedByName() + " on " + Formats.date(CaseContext.day(details.createdAt())));
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

    Optional<Component> banner() {
        var name = details.engineerName();
        boolean engineer = details.roles().contains(CaseRole.ENGINEER);
        return switch (details.status()) {
            case APPROVED ->
                Optional.of(banner(
                        "success",
                        VaadinIcon.CHECK_CIRCLE,
                        "Approved — " + details.packet().targetLevelKey() + " effective "
                                + Formats.date(details.effectiveDate()),
                        "Decided on " + Formats.date(CaseContext.day(details.decidedAt()))
                                + ". The level change is recorded in " + (engineer ? "your" : name + "'s")
                                + " level history, linked to this case."));
            case NOT_YET ->
                Optional.of(banner(
                        "error",
                        VaadinIcon.INFO_CIRCLE,
                        "Not yet — feedback from the committee",
                        details.closingNote()));
            case DECLINED ->
                Optional.of(banner(
                        "error", VaadinIcon.CLOSE_CIRCLE, "The self-nomination was declined", details.closingNote()));
            case WITHDRAWN ->
                Optional.of(banner("", VaadinIcon.ARCHIVE, "This case was withdrawn", details.closingNote()));
            case IN_CALIBRATION ->
                Optional.of(banner(
                        "warning",
                        VaadinIcon.LOCK,
                        "In calibration — the packet is frozen",
                        "The committee decides on the packet as it was on "
                                + Formats.date(CaseContext.day(details.packet().asOf()))
                                + ". To change it, return the case for changes."));
            case PROPOSED ->
                Optional.of(banner(
                        "primary",
                        VaadinIcon.HAND,
                        engineer ? "Waiting for your manager" : name + " nominated themselves",
                        engineer
                                ? "Your manager accepts the nomination and builds the packet with you, or declines it"
                                        + " with a reason."
                                : "Accept the nomination to start the packet, or decline it with a reason."));
            default -> Optional.empty();
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
}
