package app.rungs.evidence.ui;

import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.ladder.service.LadderContent;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import java.util.Locale;

/**
 * Evidence-specific renderers the evidence screens share: status badges (the kit's badge with a status class), type
 * icons and title cells, level labels and competency chips.
 */
final class EvidenceRenderers {

    static final String STYLESHEET = "styles/evidence.css";

    private EvidenceRenderers() {}

    static Span statusBadge(EvidenceStatus status) {
        var badge = Badges.badge(status.label(), status.badge());
        badge.addClassName("status-" + status.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    /** "From PagerDuty" / "From GitHub" on items whose draft arrived from another system. */
    static Span sourceBadge(EvidenceSource source) {
        var badge = Badges.badge(source.label(), "contrast");
        badge.addClassName("evidence-source");
        badge.getElement()
                .setAttribute(
                        "title",
                        "Drafted from " + source.label().substring("From ".length())
                                + "; it counts once you complete and submit it and it is acknowledged.");
        return badge;
    }

    static Icon icon(EvidenceType type) {
        var icon = VaadinIcon.valueOf(type.icon()
                        .substring("vaadin:".length())
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_'))
                .create();
        icon.addClassName("evidence-type-icon");
        icon.addClassName("type-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return icon;
    }

    /** Type icon with the title and, underneath, the type's name. */
    static Component titleCell(EvidenceType type, String title) {
        var name = new Span(title);
        name.addClassName("evidence-title");
        var kind = new Span(type.label());
        kind.addClassName("evidence-kind");
        var text = new Div(name, kind);
        text.addClassName("evidence-title-text");
        var cell = new Div(icon(type), text);
        cell.addClassName("evidence-title-cell");
        return cell;
    }

    static String competencyName(LadderContent ladder, String key) {
        return ladder == null
                ? key
                : ladder.competency(key).map(LadderContent.CompetencyView::name).orElse(key);
    }

    static String levelLabel(LadderContent ladder, String key) {
        return ladder == null
                ? key
                : ladder.level(key).map(l -> l.key() + " · " + l.title()).orElse(key);
    }

    /** Up to {@code max} competency chips, then "+n". */
    static Component competencyChips(LadderContent ladder, List<String> keys, int max) {
        var chips = new Div();
        chips.addClassName("competency-chips");
        keys.stream().limit(max).forEach(k -> {
            var chip = new Span(competencyName(ladder, k));
            chip.addClassName("competency-chip");
            chip.getElement().setAttribute("title", competencyName(ladder, k));
            chips.add(chip);
        });
        if (keys.size() > max) {
            var more = new Span("+" + (keys.size() - max));
            more.addClassName("competency-chip");
            more.addClassName("more");
            more.getElement()
                    .setAttribute(
                            "title",
                            String.join(
                                    ", ",
                                    keys.stream()
                                            .skip(max)
                                            .map(k -> competencyName(ladder, k))
                                            .toList()));
            chips.add(more);
        }
        return chips;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The columns every list of one person's evidence starts with: title with type, competencies, level, date. */
    static void addItemColumns(Grid<EvidenceRow> grid, LadderContent ladder, int supportsFlexGrow) {
        grid.addColumn(new ComponentRenderer<>(r -> titleCell(r.type(), r.title())))
                .setHeader("Evidence")
                .setSortProperty("title")
                .setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(r -> competencyChips(ladder, r.competencyKeys(), 2)))
                .setHeader("Supports")
                .setFlexGrow(supportsFlexGrow);
        grid.addColumn(EvidenceRow::levelKey)
                .setHeader("Level")
                .setSortProperty("levelKey")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(r -> Formats.date(r.occurredOn()))
                .setHeader("Date")
                .setSortProperty("occurredOn")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }
}
