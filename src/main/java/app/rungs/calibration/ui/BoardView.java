package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationPresence;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.LiveMessage;
import app.rungs.calibration.service.PotentialRatings;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.calibration.service.RatingGuideline;
import app.rungs.calibration.service.RationaleRequiredException;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.service.PeopleService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Toasts;
import app.rungs.shared.ui.charts.ChartPanel;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The session board: every engineer grouped by tier and level with proposal, final rating, promotion case,
 * readiness and last cycle's rating; filters; the distribution of ratings per level as a chart; side-by-side
 * comparison; and who else is looking. Changes by other managers arrive live (LISTEN/NOTIFY → server push), on
 * whichever instance they were made.
 */
@Route("calibration/:id(\\d{1,18})")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/calibration.css")
@StyleSheet("styles/fairness.css")
public class BoardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Rows (engineers, levels and tiers) a board shows without a scroll bar of its own. */
    static final int ALL_ROWS_VISIBLE_UP_TO = 60;

    final TreeGrid<BoardNode> grid = new TreeGrid<>();
    final ChartPanel chart = new ChartPanel("distribution-chart", null, null);
    final ChartPanel managerChart = new ChartPanel(
            "manager-distribution",
            "Ratings by manager",
            "Each manager's share of each rating next to the whole session and the organization's guideline"
                    + " (a reference, not a quota).");
    final BoardFilters filters = new BoardFilters(this::rebuild, this::currentRating, this::decidedHere);
    final Button compare = new Button("Compare", VaadinIcon.SPLIT_H.create());
    final Div summary = new Div();
    final Set<Long> compared = new LinkedHashSet<>();
    final BoardColumns columns = new BoardColumns(
            () -> this.board,
            this::save,
            compared::contains,
            this::toggleCompare,
            this::openEntry,
            id -> this.openablePeople.contains(id));
    final BoardLive live;
    final Div presence;
    /** The calibration protocol: revealed pre-ratings, the agenda and its timer. */
    final AgendaPanel agenda;

    private final CalibrationBoard boards;
    private final BoardEntries boardEntries;
    private final SessionLifecycle lifecycle;
    private final PeopleService people;
    private final PotentialCells potential;
    private final com.vaadin.flow.component.grid.Grid.Column<BoardNode> potentialColumn;
    private final RatingGuideline guideline;
    /** The engineers whose person page the viewer may open (their names are links). */
    private Set<Long> openablePeople = Set.of();

    Board board;
    final Map<Long, BoardEntry> entries = new LinkedHashMap<>();
    private final Map<String, BoardNode> nodes = new HashMap<>();
    private Long sessionId;
    EntryDialog dialog;

    public BoardView(
            CalibrationBoard boards,
            BoardEntries boardEntries,
            SessionLifecycle lifecycle,
            CalibrationPresence presenceService,
            PeopleService people,
            ProtocolServices protocol,
            PotentialRatings potentials,
            RatingGuideline guideline) {
        this.boards = boards;
        this.guideline = guideline;
        this.people = people;
        this.boardEntries = boardEntries;
        this.lifecycle = lifecycle;
        this.live = new BoardLive(presenceService);
        this.agenda = new AgendaPanel(protocol);
        this.presence = live.presence;
        addClassNames("page", "calibration-page", "board-page");
        chart.addClassName("chart-box");
        managerChart.addClassName("manager-chart");
        compare.setId("compare");
        compare.addClickListener(e -> openComparison());
        summary.addClassName("board-summary");
        columns.configure(grid);
        potential = new PotentialCells(() -> this.board, potentials, this::apply, this::reload);
        potentialColumn = potential.addTo(grid);
    }

    // ---------------------------------------------------------------- loading

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = SessionRoute.sessionId(event);
        reload();
        if (isAttached() && !live.watching(sessionId)) {
            live.unsubscribe();
            event.getUI().getUI().ifPresent(this::subscribe);
        }
    }

    @Override
    public String getPageTitle() {
        return board == null ? "Session board" : board.session().name();
    }

    void reload() {
        board = boards.board(sessionId);
        entries.clear();
        board.entries().forEach(e -> entries.put(e.id(), e));
        openablePeople = people.visibleAmong(
                board.entries().stream().map(BoardEntry::personId).toList());
        compared.retainAll(entries.keySet());
        render();
    }

    private void render() {
        removeAll();
        var s = board.session();
        add(new SessionHeader(s, SessionHeader.Page.BOARD));
        compare.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        updateCompareButton();
        add(new SessionToolbar(s, lifecycle, boards, live.box(), compare, this::reload));
        potential.option(s).ifPresent(this::add);
        potentialColumn.setVisible(s.potentialRated());
        SessionBanner.of(s, entries.values()).ifPresent(this::add);
        add(agenda);
        agenda.show(s);
        var chartCard = new Card(chartTitle(), chart);
        chartCard.addClassName("chart-card");
        var summaryCard = new Card("At a glance", summary);
        summaryCard.addClassName("summary-card");
        var top = new Div(chartCard, summaryCard);
        top.addClassName("board-top");
        add(top, managerChart, filters.bar(), grid);
        filters.fill(board, entries.values());
        rebuild();
    }

    private String chartTitle() {
        return preparing() ? "Proposed ratings by level" : "Final ratings by level";
    }

    private boolean preparing() {
        return board.session().status() == SessionStatus.PREPARING;
    }

    /** The rating the chart, filters and summary count: the proposal while preparing, else the final rating. */
    private String currentRating(BoardEntry e) {
        return preparing() ? e.proposedRating() : e.finalRating();
    }

    private boolean decidedHere(BoardEntry e) {
        return columns.decidedHere(e);
    }

    /** Rebuilds the tree from the entries that pass the filters, and redraws chart and summary. */
    void rebuild() {
        if (board == null) {
            return;
        }
        var data = new TreeData<BoardNode>();
        var visible = entries.values().stream().filter(filters::matches).toList();
        BoardNode tierNode = null;
        for (var group : board.levels()) {
            var members = visible.stream()
                    .filter(e -> e.levelKey().equals(group.levelKey()))
                    .sorted(Comparator.comparing(BoardEntry::personName))
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            var tierKey = "tier:" + group.tierKey();
            if (tierNode == null || !tierNode.key.equals(tierKey)) {
                tierNode = nodes.computeIfAbsent(tierKey, k -> new BoardNode(k, group.tierName(), null, null));
                tierNode.count = 0;
                data.addItem(null, tierNode);
            }
            var levelNode = nodes.computeIfAbsent(
                    "level:" + group.levelKey(), k -> new BoardNode(k, group.tierName(), group, null));
            levelNode.count = members.size();
            tierNode.count += members.size();
            data.addItem(tierNode, levelNode);
            for (var e : members) {
                var node = nodes.computeIfAbsent("entry:" + e.id(), k -> new BoardNode(k, null, group, e));
                node.entry = e;
                data.addItem(levelNode, node);
            }
        }
        grid.setTreeData(data);
        grid.expandRecursively(data.getRootItems(), 2);
        // A small board shows all its rows in the page; a big one scrolls inside the grid, which then renders (and
        // asks the server for) only the rows in view.
        int rows = visible.size() + 2 * board.levels().size();
        grid.setAllRowsVisible(rows <= ALL_ROWS_VISIBLE_UP_TO);
        if (rows > ALL_ROWS_VISIBLE_UP_TO) {
            grid.setHeight("80vh");
        }
        grid.setEmptyStateText("No engineers match these filters.");
        redrawChart(visible);
        redrawSummary(visible);
    }

    private void redrawChart(List<BoardEntry> visible) {
        var scale = board.session().scale();
        var bars = new ArrayList<DistributionChart.Bar>();
        for (var group : board.levels()) {
            var ratings = visible.stream()
                    .filter(e -> e.levelKey().equals(group.levelKey()))
                    .map(this::currentRating)
                    .toList();
            if (!ratings.isEmpty()) {
                bars.add(new DistributionChart.Bar(
                        group.levelKey(), group.tierKey(), DistributionChart.count(scale, ratings)));
            }
        }
        chart.chart().setLabel(chartTitle());
        chart.setEmptyText("No engineers match these filters.");
        chart.show(DistributionChart.option(scale, bars), DistributionChart.table(scale, bars));
        var columns = ManagerDistribution.columns(scale, visible, this::currentRating, guideline.forScale(scale));
        managerChart.setEmptyText("No engineers match these filters.");
        managerChart.show(ManagerDistribution.option(scale, columns), ManagerDistribution.table(scale, columns));
    }

    private void redrawSummary(List<BoardEntry> visible) {
        BoardCells.summary(summary, board, visible, preparing(), this::currentRating, this::decidedHere);
    }

    /** Adds or removes an engineer from the comparison; false when four are chosen already. */
    boolean toggleCompare(Long entryId, boolean chosen) {
        if (chosen && !compared.contains(entryId) && compared.size() >= 4) {
            Toasts.error("Compare up to four engineers at a time.");
            return false;
        }
        if (chosen) {
            compared.add(entryId);
        } else {
            compared.remove(entryId);
        }
        updateCompareButton();
        return true;
    }

    private void updateCompareButton() {
        compare.setText(compared.isEmpty() ? "Compare" : "Compare (" + compared.size() + ")");
        compare.setEnabled(compared.size() >= 2);
        compare.setTooltipText("Tick two to four engineers to compare them side by side");
    }

    // ---------------------------------------------------------------- changes

    /**
     * Saves an inline change with the version the row was rendered with; when someone saved the entry in between,
     * the change is refused with who changed what, and the row shows the fresh values.
     */
    void save(BoardEntry rendered, Function<BoardEntry, EntryEdit> edit) {
        save(rendered, edit, null);
    }

    /** As above, with the rationale the protocol asks for when a final rating leaves the proposal. */
    void save(BoardEntry rendered, Function<BoardEntry, EntryEdit> edit, String reason) {
        try {
            apply(boardEntries.edit(rendered.id(), rendered.version(), edit.apply(rendered), reason));
        } catch (RationaleRequiredException why) {
            new RationaleDialog(why, text -> save(rendered, edit, text), () -> refresh(rendered.id())).open();
        } catch (RatingConflictException conflict) {
            Toasts.error(conflict.getMessage());
            apply(conflict.fresh());
        } catch (ValidationException problem) {
            Toasts.error(Toasts.message(problem));
            refresh(rendered.id());
        }
    }

    void openEntry(Long entryId) {
        dialog = new EntryDialog(boards, boardEntries, board, entries.get(entryId), this::apply);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                dialog = null;
            }
        });
        dialog.open();
    }

    private void openComparison() {
        try {
            new ComparisonDialog(boards.compare(sessionId, List.copyOf(compared)), board.session()).open();
        } catch (ValidationException | NotFoundException problem) {
            Toasts.error(problem.getMessage());
        }
    }

    /** Puts a fresh copy of an entry on the board: its row, the chart and the summary. */
    void apply(BoardEntry fresh) {
        var previous = entries.get(fresh.id());
        if (previous != null && previous.version() > fresh.version()) {
            return;
        }
        entries.put(fresh.id(), fresh);
        var node = nodes.get("entry:" + fresh.id());
        boolean shown = node != null && grid.getTreeData().contains(node);
        if (shown && filters.matches(fresh)) {
            node.entry = fresh;
            grid.getDataProvider().refreshItem(node);
            var visible = entries.values().stream().filter(filters::matches).toList();
            redrawChart(visible);
            redrawSummary(visible);
        } else {
            rebuild();
        }
    }

    private void refresh(Long entryId) {
        try {
            apply(boards.entry(sessionId, entryId));
        } catch (NotFoundException gone) {
            reload();
        }
    }

    // ---------------------------------------------------------------- live updates and presence

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        subscribe(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        live.unsubscribe();
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    private void subscribe(UI ui) {
        live.subscribe(ui, sessionId, this::onLive);
    }

    void onLive(LiveMessage message) {
        if (board == null) {
            return;
        }
        switch (message.kind()) {
            case ENTRY -> {
                if (!entries.containsKey(message.entryId())) {
                    return;
                }
                try {
                    var fresh = boards.entry(sessionId, message.entryId());
                    apply(fresh);
                    if (dialog != null) {
                        dialog.changedElsewhere(fresh);
                    }
                } catch (NotFoundException gone) {
                    reload();
                }
            }
            case PRESENCE -> live.refreshViewers(sessionId);
            case SESSION -> {
                var before = board.session().status();
                reload();
                if (board.session().status() != before) {
                    Toasts.success("The session is now "
                            + board.session().status().label().toLowerCase() + ".");
                }
            }
        }
    }
}
