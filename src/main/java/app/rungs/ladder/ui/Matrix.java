package app.rungs.ladder.ui;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.shared.text.SafeMarkdown;
import app.rungs.shared.ui.Keyboard;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The expectation matrix: competencies down, levels across. Every cell shows what the level asks after inheritance:
 * set at this level, inherited (greyed, "from DSE-2"), explicitly not expected, or nothing yet. The version is loaded
 * in a fixed number of statements; the grid renders only the rows in view.
 */
class Matrix extends Grid<CompetencyView> {

    private LadderContent content;
    private final BiConsumer<CompetencyView, LevelView> onCellClick;
    private final Function<LevelView, Component> levelHeader;
    /** Cells the reader opened to read in full, kept while rows scroll out of view and back. */
    private final Set<String> open = new HashSet<>();

    private String areaKey;
    private SpecializationTrack specialization;
    private String text = "";

    Matrix(
            LadderContent content,
            BiConsumer<CompetencyView, LevelView> onCellClick,
            Function<LevelView, Component> levelHeader) {
        this.onCellClick = onCellClick;
        this.levelHeader = levelHeader;
        addClassName("matrix");
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COLUMN_BORDERS);
        setSelectionMode(SelectionMode.NONE);
        setContent(content);
    }

    void setContent(LadderContent content) {
        this.content = content;
        removeAllColumns();
        addColumn(new ComponentRenderer<>(this::competencyCell))
                .setHeader("Competency")
                .setKey("competency")
                .setFrozen(true)
                .setWidth("17rem")
                .setFlexGrow(0);
        for (var level : content.levels()) {
            addColumn(new ComponentRenderer<>(c -> cell(c, level)))
                    .setPartNameGenerator(c -> part(c, level))
                    .setHeader(levelHeader.apply(level))
                    .setKey(level.key())
                    .setWidth("15rem")
                    .setFlexGrow(1)
                    .setTextAlign(ColumnTextAlign.START);
        }
        applyFilter();
    }

    void filter(String areaKey, SpecializationTrack specialization, String text) {
        this.areaKey = areaKey;
        this.specialization = specialization;
        this.text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        applyFilter();
    }

    int visibleCount() {
        return (int) content.competencies().stream().filter(this::matches).count();
    }

    private void applyFilter() {
        var rows = content.competencies().stream().filter(this::matches).toList();
        // Lazy on the client side: only the rows in view are rendered and sent.
        setItems(query -> rows.stream().skip(query.getOffset()).limit(query.getLimit()), query -> rows.size());
    }

    private boolean matches(CompetencyView c) {
        if (areaKey != null && !areaKey.equals(c.areaKey())) {
            return false;
        }
        if (specialization != null && !c.specializations().contains(specialization)) {
            return false;
        }
        return text.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(text);
    }

    private Component competencyCell(CompetencyView c) {
        var name = new Span(c.name());
        name.addClassName("competency-name");
        var area = new Span(
                content.area(c.areaKey()).map(LadderContent.AreaView::name).orElse(""));
        area.addClassName("competency-area");
        var box = new Div(area, name);
        if (!c.specializations().isEmpty()) {
            box.add(LadderRenderers.specializations(c.specializations()));
        }
        box.addClassName("competency-cell");
        return box;
    }

    /**
     * Whether the clamped cell probably hides text: about 30 characters fit a line of a 15rem column, explicit cells
     * show 5 lines and inherited ones 2 (see ladders.css).
     */
    static boolean clipped(String markdown, boolean inherited) {
        int lines = 0;
        for (var line : SafeMarkdown.toPlainText(markdown).split("\n")) {
            lines += Math.max(1, (line.length() + 29) / 30);
        }
        return lines > (inherited ? 2 : 5);
    }

    /** "Show all" / "Show less" in the cell itself; its click does not open the cell's dialog. */
    private Component toggle(Div cell, CompetencyView competency, LevelView level) {
        var key = competency.key() + "\u0000" + level.key();
        var toggle = new NativeButton();
        toggle.addClassName("cell-toggle");
        toggle.setId("toggle-" + competency.key() + "-" + level.key());
        Runnable show = () -> {
            boolean isOpen = open.contains(key);
            cell.setClassName("cell-open", isOpen);
            toggle.setText(isOpen ? "Show less" : "Show all");
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(isOpen));
        };
        show.run();
        toggle.addClickListener(e -> {
            if (!open.remove(key)) {
                open.add(key);
            }
            show.run();
        });
        // The cell's own click opens its dialog (or editor); the toggle's click stays with the toggle.
        toggle.getElement().addEventListener("click", e -> {}).stopPropagation();
        return toggle;
    }

    /** The grid cell's part, so the whole cell (not just its text) shows the state. */
    private String part(CompetencyView competency, LevelView level) {
        var resolved = content.resolve(competency.key(), level.key());
        if (resolved.expectation() == null) {
            return "cell-empty";
        }
        var kind = resolved.expectation().kind() == ExpectationKind.NOT_EXPECTED ? " cell-not-expected" : "";
        return (resolved.inherited() ? "cell-inherited" : "cell-explicit") + kind;
    }

    private Component cell(CompetencyView competency, LevelView level) {
        var resolved = content.resolve(competency.key(), level.key());
        var cell = new Div();
        cell.addClassName("cell");
        cell.setId("cell-" + competency.key() + "-" + level.key());
        // The element keyboard users press to open the cell: the cell itself, or its text when the cell also holds
        // the "Show all" button (a button inside a button is not operable by assistive technology).
        Component keyTarget = cell;
        if (resolved.expectation() == null) {
            cell.addClassName("cell-empty");
            cell.add(new Span("—"));
            cell.getElement().setAttribute("title", "Nothing asked at " + level.key());
        } else {
            var e = resolved.expectation();
            if (resolved.inherited()) {
                cell.addClassName("cell-inherited");
            } else {
                cell.addClassName("cell-explicit");
            }
            if (e.kind() == ExpectationKind.NOT_EXPECTED) {
                cell.addClassName("cell-not-expected");
                cell.add(new Span("Not expected"));
            } else {
                var statement = new MarkdownText(e.statement());
                statement.addClassName("cell-text");
                cell.add(statement);
                if (clipped(e.statement(), resolved.inherited())) {
                    cell.add(toggle(cell, competency, level));
                    keyTarget = statement;
                }
            }
            if (resolved.inherited()) {
                var origin = new Span("from " + resolved.definedAt().key());
                origin.addClassName("cell-origin");
                cell.add(origin);
            }
        }
        if (onCellClick != null) {
            cell.addClassName("cell-clickable");
            cell.addClickListener(e -> onCellClick.accept(competency, level));
            Keyboard.actsAsButton(keyTarget, null, () -> onCellClick.accept(competency, level));
        }
        return cell;
    }
}
