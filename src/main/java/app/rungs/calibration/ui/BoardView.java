package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationPresence;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.LiveMessage;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.calibration.service.Viewer;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The session board: every engineer grouped by tier and level with proposal, final rating, promotion case,
 * readiness and last cycle's rating; filters; the distribution of ratings per level as a chart; side-by-side
 * comparison; and who else is looking. Changes by other managers arrive live (LISTEN/NOTIFY → server push), on
 * whichever instance they were made.
 */
@Route("calibration/:id(\\d{1,18})")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/calibration.css")
public class BoardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final int HEARTBEAT_MILLIS = 10_000;
    static final String NOT_RATED = DistributionChart.NOT_RATED;

    final TreeGrid<Node> grid = new TreeGrid<>();
    final Svg chart = new Svg();
    final BoardFilters filters = new BoardFilters(this::rebuild, this::currentRating, this::decidedHere);
    final Div presence = new Div();
    final AvatarGroup avatars = new AvatarGroup();
    final Span viewersText = new Span();
    final Button compare = new Button("Compare", VaadinIcon.SPLIT_H.create());
    final Div summary = new Div();
    final Set<Long> compared = new LinkedHashSet<>();
    final String viewerId = UUID.randomUUID().toString();

    private final CalibrationBoard boards;
    private final BoardEntries boardEntries;
    private final SessionLifecycle lifecycle;
    private final CalibrationPresence presenceService;
    Board board;
    final Map<Long, BoardEntry> entries = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();
    private Long sessionId;
    private Long subscribedTo;
    private Runnable stopWatching;
    private Registration pollRegistration;
    EntryDialog dialog;

    public BoardView(
            CalibrationBoard boards,
            BoardEntries boardEntries,
            SessionLifecycle lifecycle,
            CalibrationPresence presenceService) {
        this.boards = boards;
        this.boardEntries = boardEntries;
        this.lifecycle = lifecycle;
        this.presenceService = presenceService;
        addClassNames("page", "calibration-page", "board-page");
        chart.setId("distribution-chart");
        chart.addClassName("chart-box");
        presence.setId("presence");
        presence.addClassName("presence");
        viewersText.addClassName("presence-names");
        avatars.setMaxItemsVisible(6);
        presence.add(avatars, viewersText);
        compare.setId("compare");
        compare.addClickListener(e -> openComparison());
        summary.addClassName("board-summary");
        configureGrid();
    }

    // ---------------------------------------------------------------- loading

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters()
                .getLong("id")
                .orElseThrow(() -> new NotFoundException("Calibration session not found"));
        reload();
        if (isAttached() && !sessionId.equals(subscribedTo)) {
            unsubscribe();
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
        compared.retainAll(entries.keySet());
        render();
    }

    private void render() {
        removeAll();
        var s = board.session();
        add(new SessionHeader(s, SessionHeader.Page.BOARD));
        compare.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        updateCompareButton();
        add(new SessionToolbar(s, lifecycle, boards, presenceBox(), compare, this::reload));
        SessionBanner.of(s, entries.values()).ifPresent(this::add);
        var chartCard = new Card(chartTitle(), chart);
        chartCard.addClassName("chart-card");
        var summaryCard = new Card("At a glance", summary);
        summaryCard.addClassName("summary-card");
        var top = new Div(chartCard, summaryCard);
        top.addClassName("board-top");
        add(top, filters.bar(), grid);
        filters.fill(board, entries.values());
        rebuild();
    }

    private Component presenceBox() {
        var label = new Span("Viewing now");
        label.addClassName("presence-label");
        var who = new Div(label, presence);
        who.addClassName("presence-box");
        return who;
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

    // ---------------------------------------------------------------- grid

    /** A row of the board: a tier, a level of it, or an engineer. Equal by key, so rows can be refreshed in place. */
    static final class Node {
        final String key;
        final String tierName;
        final Board.LevelGroup level;
        BoardEntry entry;
        int count;

        Node(String key, String tierName, Board.LevelGroup level, BoardEntry entry) {
            this.key = key;
            this.tierName = tierName;
            this.level = level;
            this.entry = entry;
        }

        boolean isEntry() {
            return entry != null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node other && other.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    private void configureGrid() {
        grid.setId("board-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.addClassName("board-grid");
        grid.addComponentHierarchyColumn(BoardCells::nameCell)
                .setHeader("Engineer")
                .setFlexGrow(3)
                .setWidth("14rem");
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? BoardCells.timeInLevel(n.entry) : new Span()))
                .setHeader("In level")
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? BoardCells.lastCycle(board, n.entry) : new Span()))
                .setHeader("Last cycle")
                .setWidth("5.75rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? BoardCells.proposal(board, n.entry) : new Span()))
                .setHeader("Proposal")
                .setWidth("8rem")
                .setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? finalRating(n.entry) : new Span()))
                .setHeader("Final rating")
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? promotion(n.entry) : new Span()))
                .setHeader("Promotion")
                .setWidth("10.5rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? readiness(n.entry) : new Span()))
                .setHeader("Readiness")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? tools(n.entry) : new Span()))
                .setHeader("")
                .setWidth("5rem")
                .setFlexGrow(0);
        grid.setPartNameGenerator(n -> n.isEntry() ? null : n.level == null ? "tier-row" : "level-row");
        grid.setAllRowsVisible(true);
        grid.setSelectionMode(TreeGrid.SelectionMode.NONE);
    }

    /** Rebuilds the tree from the entries that pass the filters, and redraws chart and summary. */
    void rebuild() {
        if (board == null) {
            return;
        }
        var data = new TreeData<Node>();
        var visible = entries.values().stream().filter(filters::matches).toList();
        Node tierNode = null;
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
                tierNode = nodes.computeIfAbsent(tierKey, k -> new Node(k, group.tierName(), null, null));
                tierNode.count = 0;
                data.addItem(null, tierNode);
            }
            var levelNode =
                    nodes.computeIfAbsent("level:" + group.levelKey(), k -> new Node(k, group.tierName(), group, null));
            levelNode.count = members.size();
            tierNode.count += members.size();
            data.addItem(tierNode, levelNode);
            for (var e : members) {
                var node = nodes.computeIfAbsent("entry:" + e.id(), k -> new Node(k, null, group, e));
                node.entry = e;
                data.addItem(levelNode, node);
            }
        }
        grid.setTreeData(data);
        grid.expandRecursively(data.getRootItems(), 2);
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
        chart.setSvg(DistributionChart.svg(chartTitle(), scale, bars));
    }

    private void redrawSummary(List<BoardEntry> visible) {
        BoardCells.summary(summary, board, visible, preparing(), this::currentRating, this::decidedHere);
    }

    private Component finalRating(BoardEntry e) {
        var scale = board.session().scale();
        if (!board.session().may(SessionAction.RATE)) {
            var chip = CalibrationChips.rating(scale, e.finalRating());
            chip.setId("final-rating-" + e.id());
            chip.getElement().setAttribute("data-rating", e.finalRating() == null ? "" : e.finalRating());
            return chip;
        }
        var select = new Select<String>();
        select.setId("final-rating-" + e.id());
        select.addClassName("rating-select");
        select.setItems(scale);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption("Not rated");
        select.setValue(e.finalRating());
        select.setAriaLabel("Final rating of " + e.personName());
        select.getElement().setAttribute("data-rating", e.finalRating() == null ? "" : e.finalRating());
        if (e.finalRating() != null) {
            select.getStyle().set("--rating-color", DistributionChart.color(scale, e.finalRating()));
            select.addClassName("rated");
        }
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                save(e, rendered -> EntryEdit.of(rendered).withFinalRating(change.getValue()));
            }
        });
        return select;
    }

    /** A submitted case that is not linked to the entry (it was submitted after the session was created). */
    private boolean submitted(BoardEntry e) {
        var info = board.cases().get(e.personId());
        return info != null && (info.status() == CaseStatus.SUBMITTED || info.status() == CaseStatus.IN_CALIBRATION);
    }

    /** Whether this session decides the engineer's case: linked, or submitted and taken in when it starts. */
    private boolean decidedHere(BoardEntry e) {
        return e.hasCase() || (preparing() && submitted(e));
    }

    Component promotion(BoardEntry e) {
        var promotionCase = board.cases().get(e.personId());
        var cell = new Div();
        cell.addClassName("promotion-cell");
        if (promotionCase == null) {
            var none = new Span("No case");
            none.addClassName("muted");
            cell.add(none);
            return cell;
        }
        var target = new Span("→ " + promotionCase.targetLevelKey());
        target.addClassName("case-target");
        var head = new Div(
                target,
                Badges.badge(
                        promotionCase.status().label(), promotionCase.status().badge()));
        head.addClassName("promotion-head");
        cell.add(head);
        if (!e.hasCase()) {
            // The session decides the cases it took in when it started; publishing leaves the others alone.
            var hint = new Span(
                    !submitted(e)
                            ? "Not submitted yet: not decided in this session"
                            : preparing()
                                    ? "Submitted: taken in when the session starts"
                                    : "Submitted after this session started: decided in a later session");
            hint.addClassName("entry-sub");
            cell.add(hint);
        } else if (board.session().may(SessionAction.RATE)) {
            var decision = new Select<Decision>();
            decision.setId("decision-" + e.id());
            decision.addClassName("decision-select");
            decision.setItems(Decision.PROMOTE, Decision.NOT_YET);
            decision.setItemLabelGenerator(d -> d == null ? "Undecided" : d.label());
            decision.setEmptySelectionAllowed(true);
            decision.setEmptySelectionCaption("Undecided");
            decision.setValue(e.decision() == Decision.NO_CASE ? null : e.decision());
            decision.setAriaLabel("Promotion decision for " + e.personName());
            decision.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    save(e, rendered -> EntryEdit.of(rendered).withDecision(change.getValue()));
                }
            });
            cell.add(decision);
        } else if (!preparing()) {
            cell.add(CalibrationChips.decision(e.decision()));
        }
        return cell;
    }

    private Component readiness(BoardEntry e) {
        var r = board.readiness().get(e.personId());
        if (r == null) {
            var none = new Span("—");
            none.addClassName("muted");
            return none;
        }
        var bar = new ProgressBar(0, 100, r.percent());
        bar.addClassName("readiness-bar");
        var text = new Span(r.percent() + "% " + r.levelKey());
        text.addClassName("readiness-text");
        var cell = new Div(text, bar);
        cell.addClassName("readiness-cell");
        cell.getElement()
                .setAttribute(
                        "title",
                        r.backed() + " of " + r.total() + " expectations of " + r.levelKey()
                                + " backed by acknowledged evidence");
        return cell;
    }

    private Component tools(BoardEntry e) {
        var pick = new Checkbox();
        pick.setId("compare-" + e.id());
        pick.setAriaLabel("Compare " + e.personName());
        pick.setValue(compared.contains(e.id()));
        pick.addValueChangeListener(change -> {
            if (change.isFromClient() && !toggleCompare(e.id(), change.getValue())) {
                pick.setValue(false);
            }
        });
        pick.getElement().setAttribute("title", "Compare side by side");
        var edit = new Button(VaadinIcon.EDIT.create());
        edit.setId("edit-entry-" + e.id());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        edit.setAriaLabel("Open " + e.personName());
        edit.setTooltipText("Details, notes and history");
        edit.addClickListener(click -> openEntry(e.id()));
        var cell = new Div(pick, edit);
        cell.addClassName("tools-cell");
        return cell;
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

    interface EditFunction {
        EntryEdit apply(BoardEntry rendered);
    }

    /**
     * Saves an inline change with the version the row was rendered with; when someone saved the entry in between,
     * the change is refused with who changed what, and the row shows the fresh values.
     */
    void save(BoardEntry rendered, EditFunction edit) {
        try {
            apply(boardEntries.edit(rendered.id(), rendered.version(), edit.apply(rendered)));
        } catch (RatingConflictException conflict) {
            Toasts.error(conflict.getMessage());
            apply(conflict.fresh());
        } catch (ValidationException problem) {
            Toasts.error(Toasts.message(problem));
            refresh(rendered.id());
        }
    }

    /** The promotion cell of an entry, as the grid renders it. */
    Component promotionCell(BoardEntry e) {
        return promotion(e);
    }

    /** The final rating cell of an entry, as the grid renders it. */
    Component finalRatingSelect(BoardEntry e) {
        return finalRating(e);
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
        unsubscribe();
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    private void subscribe(UI ui) {
        if (sessionId == null) {
            return;
        }
        subscribedTo = sessionId;
        stopWatching = presenceService.watch(sessionId, message -> {
            try {
                ui.access(() -> onLive(message));
            } catch (com.vaadin.flow.component.UIDetachedException closed) {
                // The browser went away; onDetach removes this registration.
            }
        });
        showViewers(presenceService.here(sessionId, viewerId));
        ui.setPollInterval(HEARTBEAT_MILLIS);
        pollRegistration = ui.addPollListener(e -> heartbeat());
    }

    private void unsubscribe() {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        if (subscribedTo != null) {
            var left = subscribedTo;
            subscribedTo = null;
            try {
                presenceService.leave(left, viewerId);
            } catch (RuntimeException ignored) {
                // Detached without a signed-in request (session expired): the row expires by itself.
            }
        }
    }

    void heartbeat() {
        if (subscribedTo != null) {
            showViewers(presenceService.here(subscribedTo, viewerId));
        }
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
            case PRESENCE -> showViewers(presenceService.viewers(sessionId));
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

    void showViewers(List<Viewer> viewers) {
        avatars.setItems(viewers.stream()
                .map(v -> new AvatarGroup.AvatarGroupItem(v.displayName()))
                .toList());
        var me = CurrentUser.require().username();
        var names = viewers.stream()
                .map(v -> v.username().equalsIgnoreCase(me) ? v.displayName() + " (you)" : v.displayName())
                .toList();
        viewersText.setText(String.join(", ", names));
        presence.getElement().setAttribute("data-viewers", String.join("|", names));
    }
}
