package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationCsv;
import app.rungs.calibration.service.CalibrationService;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.LiveMessage;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.calibration.service.SessionDetails.Action;
import app.rungs.calibration.service.Viewer;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    final ComboBox<String> team = new ComboBox<>();
    final ComboBox<String> level = new ComboBox<>();
    final ComboBox<String> manager = new ComboBox<>();
    final ComboBox<String> rating = new ComboBox<>();
    final Checkbox hasCase = new Checkbox("Has a promotion case");
    final Div presence = new Div();
    final AvatarGroup avatars = new AvatarGroup();
    final Span viewersText = new Span();
    final Button compare = new Button("Compare", VaadinIcon.SPLIT_H.create());
    final Div summary = new Div();
    final Set<Long> compared = new LinkedHashSet<>();
    final String viewerId = UUID.randomUUID().toString();

    private final CalibrationService calibration;
    Board board;
    final Map<Long, BoardEntry> entries = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();
    private Long sessionId;
    private Long subscribedTo;
    private Registration liveRegistration;
    private Registration pollRegistration;
    EntryDialog dialog;

    public BoardView(CalibrationService calibration) {
        this.calibration = calibration;
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
        configureFilters();
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
        board = calibration.board(sessionId);
        entries.clear();
        board.entries().forEach(e -> entries.put(e.id(), e));
        compared.retainAll(entries.keySet());
        render();
    }

    private void render() {
        removeAll();
        var s = board.session();
        add(new SessionHeader(s, SessionHeader.Page.BOARD));
        add(toolbar(s));
        banner(s).ifPresent(this::add);
        var chartCard = new Card(chartTitle(), chart);
        chartCard.addClassName("chart-card");
        var summaryCard = new Card("At a glance", summary);
        summaryCard.addClassName("summary-card");
        var top = new Div(chartCard, summaryCard);
        top.addClassName("board-top");
        add(top, filters(), grid);
        fillFilters();
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

    // ---------------------------------------------------------------- toolbar, banner

    private Component toolbar(SessionDetails s) {
        var bar = new Div();
        bar.addClassName("board-toolbar");
        var label = new Span("Viewing now");
        label.addClassName("presence-label");
        var who = new Div(label, presence);
        who.addClassName("presence-box");
        var spacer = new Span();
        spacer.addClassName("spacer");
        bar.add(who, spacer);
        if (s.may(Action.START)) {
            bar.add(action(
                    "Start session",
                    VaadinIcon.PLAY,
                    "start-session",
                    true,
                    "Start " + s.name() + "?",
                    "Proposed ratings become the starting final ratings, submitted promotion cases move into"
                            + " calibration and the board goes live for every participant. A started session cannot"
                            + " go back to preparation.",
                    () -> {
                        calibration.start(s.id(), s.version());
                        Ui.success("The session has started. Proposals are now the starting final ratings.");
                    }));
        }
        if (s.may(Action.LOCK)) {
            bar.add(action(
                    "Lock ratings",
                    VaadinIcon.LOCK,
                    "lock-session",
                    true,
                    "Lock the ratings of " + s.name() + "?",
                    "Nobody can change a rating or a decision until a facilitator reopens the session.",
                    () -> {
                        calibration.lock(s.id(), s.version());
                        Ui.success("Ratings are locked.");
                    }));
        }
        if (s.may(Action.REOPEN)) {
            bar.add(action("Reopen", VaadinIcon.UNLOCK, "reopen-session", false, null, null, () -> {
                calibration.reopen(s.id(), s.version());
                Ui.success("The session is open for changes again.");
            }));
        }
        if (s.may(Action.PUBLISH)) {
            var publish = new Button("Publish results", VaadinIcon.MEGAPHONE.create());
            publish.setId("publish-session");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            publish.addClickListener(e -> new PublishDialog(calibration, s, this::reload).open());
            bar.add(publish);
        }
        compare.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        updateCompareButton();
        bar.add(compare, exportLink(s));
        return bar;
    }

    /** A toolbar action; with a question, it runs only after a confirmation saying what will happen. */
    private Button action(
            String text,
            VaadinIcon icon,
            String id,
            boolean primary,
            String question,
            String consequence,
            Runnable work) {
        var button = new Button(text, icon.create());
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        Runnable run = () -> {
            try {
                work.run();
                reload();
            } catch (ValidationException | ConcurrentEditException problem) {
                Ui.error(Ui.message(problem));
                reload();
            }
        };
        button.addClickListener(e -> {
            if (question == null) {
                run.run();
                return;
            }
            var confirm = new ConfirmDialog(question, consequence, text, c -> run.run());
            confirm.setCancelable(true);
            confirm.open();
        });
        return button;
    }

    private Component exportLink(SessionDetails s) {
        var id = s.id();
        var fileName = CalibrationCsv.fileName(s);
        var anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = calibration.exportCsv(id);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8", bytes.length);
                }),
                "");
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.getElement().setAttribute("download", fileName);
        anchor.setId("export-csv");
        var button = new Button("Export CSV", VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTabIndex(-1);
        anchor.add(button);
        return anchor;
    }

    private java.util.Optional<Component> banner(SessionDetails s) {
        String title;
        String text;
        String variant;
        switch (s.status()) {
            case PREPARING -> {
                long proposed = entries.values().stream()
                        .filter(e -> e.proposedRating() != null)
                        .count();
                title = "Preparing";
                text = proposed + " of " + entries.size() + " engineers have a proposal. "
                        + (s.may(Action.START)
                                ? "Start the session when the committee meets: proposals become the starting final"
                                        + " ratings and submitted promotion cases move into calibration."
                                : "The facilitator starts the session when the committee meets.");
                variant = "primary";
            }
            case LOCKED -> {
                title = "Locked";
                text = "Ratings and decisions are frozen. "
                        + (s.may(Action.PUBLISH)
                                ? "Publish to apply the promotions and tell every engineer their outcome."
                                : "An admin publishes the results; the facilitator can reopen the session.");
                variant = "warning";
            }
            case PUBLISHED -> {
                title = "Published " + Formats.dateTime(s.publishedAt());
                text = "Engineers see their final rating and promotion decision; approved promotions take effect "
                        + Formats.date(s.effectiveDate()) + ". Notes stay with the committee.";
                variant = "success";
            }
            default -> {
                return java.util.Optional.empty();
            }
        }
        var heading = new Span(title);
        heading.addClassName("calibration-banner-title");
        var banner = new Div(
                (s.status() == SessionStatus.PUBLISHED ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.INFO_CIRCLE).create(),
                new Div(heading, new Paragraph(text)));
        banner.addClassNames("calibration-banner", variant);
        banner.setId("session-banner");
        return java.util.Optional.of(banner);
    }

    // ---------------------------------------------------------------- filters

    private void configureFilters() {
        team.setPlaceholder("Team");
        team.setId("filter-team");
        level.setPlaceholder("Level");
        level.setId("filter-level");
        manager.setPlaceholder("Manager");
        manager.setId("filter-manager");
        rating.setPlaceholder("Rating");
        rating.setId("filter-rating");
        hasCase.setId("filter-has-case");
        for (var box : List.of(team, level, manager, rating)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> rebuild());
        }
        hasCase.addValueChangeListener(e -> rebuild());
    }

    private Component filters() {
        var clear = new Button("Clear filters", e -> {
            team.clear();
            level.clear();
            manager.clear();
            rating.clear();
            hasCase.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var bar = new Div(team, level, manager, rating, hasCase, clear);
        bar.addClassName("filter-bar");
        return bar;
    }

    private void fillFilters() {
        keepValue(
                team,
                entries.values().stream()
                        .map(BoardEntry::teamName)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        keepValue(level, board.levels().stream().map(Board.LevelGroup::levelKey).toList());
        keepValue(
                manager,
                entries.values().stream()
                        .map(BoardEntry::managerName)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        var ratings = new ArrayList<>(board.session().scale());
        ratings.add(NOT_RATED);
        keepValue(rating, ratings);
    }

    private static void keepValue(ComboBox<String> box, List<String> items) {
        var value = box.getValue();
        box.setItems(items);
        if (value != null && items.contains(value)) {
            box.setValue(value);
        }
    }

    boolean matches(BoardEntry e) {
        if (team.getValue() != null && !team.getValue().equals(e.teamName())) {
            return false;
        }
        if (level.getValue() != null && !level.getValue().equals(e.levelKey())) {
            return false;
        }
        if (manager.getValue() != null && !manager.getValue().equals(e.managerName())) {
            return false;
        }
        if (rating.getValue() != null) {
            var current = currentRating(e);
            if (NOT_RATED.equals(rating.getValue())
                    ? current != null
                    : !rating.getValue().equals(current)) {
                return false;
            }
        }
        return !hasCase.getValue() || decidedHere(e);
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
        grid.addComponentHierarchyColumn(this::nameCell)
                .setHeader("Engineer")
                .setFlexGrow(3)
                .setWidth("14rem");
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? timeInLevel(n.entry) : new Span()))
                .setHeader("In level")
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? lastCycle(n.entry) : new Span()))
                .setHeader("Last cycle")
                .setWidth("5.75rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? proposal(n.entry) : new Span()))
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
        var visible = entries.values().stream().filter(this::matches).toList();
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
        summary.removeAll();
        long rated = visible.stream().filter(e -> currentRating(e) != null).count();
        // Only cases this session decides count; a case submitted after the start waits for a later session.
        long cases = visible.stream().filter(this::decidedHere).count();
        long outside = visible.stream()
                .filter(e -> !decidedHere(e) && board.cases().containsKey(e.personId()))
                .count();
        long promote =
                visible.stream().filter(e -> e.decision() == Decision.PROMOTE).count();
        long notYet =
                visible.stream().filter(e -> e.decision() == Decision.NOT_YET).count();
        summary.add(
                Card.stat("Engineers", visible.size()),
                Card.stat(preparing() ? "Proposed" : "Rated", rated + "/" + visible.size()),
                Card.stat("Promotion cases", cases + (outside > 0 ? " (+" + outside + " outside this session)" : "")),
                Card.stat("Promote / not yet", promote + " / " + notYet));
        var scale = board.session().scale();
        var shares = new Div();
        shares.addClassName("rating-shares");
        for (var r : scale) {
            long n = visible.stream().filter(e -> r.equals(currentRating(e))).count();
            var line = new Div(Ui.rating(scale, r), new Span(rated == 0 ? "0%" : Math.round(100.0 * n / rated) + "%"));
            line.addClassName("rating-share");
            shares.add(line);
        }
        summary.add(shares);
    }

    private Component nameCell(Node n) {
        if (!n.isEntry()) {
            Span label;
            if (n.level == null) {
                label = new Span(n.tierName);
                label.addClassName("tier-label");
            } else {
                var key = new Span(n.level.levelKey());
                key.addClassName("level-key");
                var title = new Span(n.level.levelTitle());
                title.addClassName("level-title");
                label = new Span(key, title);
                label.addClassName("level-label");
            }
            label.getElement()
                    .setAttribute(
                            "title", n.level == null ? n.tierName : n.level.levelKey() + " · " + n.level.levelTitle());
            var count = new Span(String.valueOf(n.count));
            count.addClassName("group-count");
            var cell = new Div(label, count);
            cell.addClassName("group-cell");
            return cell;
        }
        var e = n.entry;
        var name = new Span(e.personName());
        name.addClassName("entry-name");
        var sub = new Span((e.teamName() == null ? "" : e.teamName() + " · ")
                + (e.managerName() == null ? "no manager" : e.managerName()));
        sub.addClassName("entry-sub");
        var cell = new Div(name, sub);
        cell.addClassName("entry-cell");
        return cell;
    }

    private static Component timeInLevel(BoardEntry e) {
        var span = new Span(Formats.since(e.levelSince(), LocalDate.now()));
        span.addClassName("time-in-level");
        span.getElement().setAttribute("title", "At " + e.levelKey() + " since " + Formats.date(e.levelSince()));
        return span;
    }

    private Component lastCycle(BoardEntry e) {
        var last = board.lastCycle().get(e.personId());
        if (last == null) {
            var none = new Span("—");
            none.addClassName("muted");
            return none;
        }
        var chip = Ui.rating(board.session().scale(), last.rating());
        chip.addClassName("small");
        var cycle = new Span(last.cycle());
        cycle.addClassName("entry-sub");
        var cell = new Div(chip, cycle);
        cell.addClassName("stacked-cell");
        return cell;
    }

    private Component proposal(BoardEntry e) {
        var chip = Ui.rating(board.session().scale(), e.proposedRating());
        var cell = new Div(chip);
        cell.addClassName("proposal-cell");
        if (e.proposalRationale() != null) {
            var text = new Span(e.proposalRationale());
            text.addClassName("rationale");
            text.getElement().setAttribute("title", e.proposalRationale());
            cell.add(text);
        }
        return cell;
    }

    private Component finalRating(BoardEntry e) {
        var scale = board.session().scale();
        if (!board.session().may(Action.RATE)) {
            var chip = Ui.rating(scale, e.finalRating());
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
                Ui.badge(promotionCase.status().label(), promotionCase.status().badge()));
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
        } else if (board.session().may(Action.RATE)) {
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
            cell.add(Ui.decision(e.decision()));
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
            Ui.error("Compare up to four engineers at a time.");
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
            apply(calibration.edit(rendered.id(), rendered.version(), edit.apply(rendered)));
        } catch (RatingConflictException conflict) {
            Ui.error(conflict.getMessage());
            apply(conflict.fresh());
        } catch (ValidationException problem) {
            Ui.error(Ui.message(problem));
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
        dialog = new EntryDialog(calibration, board, entries.get(entryId), this::apply);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                dialog = null;
            }
        });
        dialog.open();
    }

    private void openComparison() {
        try {
            new ComparisonDialog(calibration.compare(sessionId, List.copyOf(compared)), board.session()).open();
        } catch (ValidationException | NotFoundException problem) {
            Ui.error(problem.getMessage());
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
        if (shown && matches(fresh)) {
            node.entry = fresh;
            grid.getDataProvider().refreshItem(node);
            var visible = entries.values().stream().filter(this::matches).toList();
            redrawChart(visible);
            redrawSummary(visible);
        } else {
            rebuild();
        }
    }

    private void refresh(Long entryId) {
        try {
            apply(calibration.entry(sessionId, entryId));
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
        liveRegistration = calibration.watch(sessionId, message -> {
            try {
                ui.access(() -> onLive(message));
            } catch (com.vaadin.flow.component.UIDetachedException closed) {
                // The browser went away; onDetach removes this registration.
            }
        });
        showViewers(calibration.here(sessionId, viewerId));
        ui.setPollInterval(HEARTBEAT_MILLIS);
        pollRegistration = ui.addPollListener(e -> heartbeat());
    }

    private void unsubscribe() {
        if (liveRegistration != null) {
            liveRegistration.remove();
            liveRegistration = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        if (subscribedTo != null) {
            var left = subscribedTo;
            subscribedTo = null;
            try {
                calibration.leave(left, viewerId);
            } catch (RuntimeException ignored) {
                // Detached without a signed-in request (session expired): the row expires by itself.
            }
        }
    }

    void heartbeat() {
        if (subscribedTo != null) {
            showViewers(calibration.here(subscribedTo, viewerId));
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
                    var fresh = calibration.entry(sessionId, message.entryId());
                    apply(fresh);
                    if (dialog != null) {
                        dialog.changedElsewhere(fresh);
                    }
                } catch (NotFoundException gone) {
                    reload();
                }
            }
            case PRESENCE -> showViewers(calibration.viewers(sessionId));
            case SESSION -> {
                var before = board.session().status();
                reload();
                if (board.session().status() != before) {
                    Ui.success("The session is now "
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
