package app.rungs.ladder.ui;

import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderBranchService;
import app.rungs.ladder.service.LadderCompetencyService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderDraftService;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;

/**
 * The ladder editor for admins. A published version never changes: editing happens in the ladder's draft, started
 * from the current version. Here an admin edits tiers and levels, areas and competencies, and the expectation matrix
 * in place, sees what blocks publishing, and publishes with a change note or discards the draft. Every change names
 * the version it was made on, so two admins never silently overwrite each other.
 */
@Route("ladders/:ladderId(\\d{1,18})/edit")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet(LadderRenderers.STYLES)
public class LadderEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle, DraftEditor {

    private final LadderService ladders;
    private final LadderLifecycleService lifecycle;
    private final LadderDraftService drafts;
    private final LadderFileService files;
    private final LadderPayBandService payBands;
    private Long ladderId;
    LadderContent content;
    long draftVersion;
    private String title = "Edit ladder";

    private final Div header = new Div();
    private final Div checks = new Div();
    final TabSheet tabs = new TabSheet();
    Matrix matrix;
    private Select<AreaView> areaFilter;
    private TextField search;
    private Span matrixHint;
    private final TiersPanel tiersPanel;
    private final AreasPanel areasPanel;
    private final BranchesPanel branchesPanel;
    private final Div body = new Div();

    public LadderEditorView(
            LadderService ladders,
            LadderLifecycleService lifecycle,
            LadderDraftService drafts,
            LadderStructureService structure,
            LadderCompetencyService competencies,
            LadderBranchService branches,
            LadderFileService files,
            LadderPayBandService payBands) {
        this.payBands = payBands;
        this.ladders = ladders;
        this.lifecycle = lifecycle;
        this.drafts = drafts;
        this.files = files;
        this.tiersPanel = new TiersPanel(this, ladders, structure);
        this.areasPanel = new AreasPanel(this, competencies);
        this.branchesPanel = new BranchesPanel(this, branches);
        addClassNames("page", "page-full", "ladder-page", "editor-page");
        header.addClassName("ladder-header");
        checks.addClassName("publish-checks");
        body.addClassName("editor-body");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ladderId = event.getRouteParameters().getLong("ladderId").orElse(-1L);
        removeAll();
        load();
        if (content == null) {
            add(new Card(
                    "Nothing to edit",
                    new Paragraph("This ladder does not exist, is retired, or has no version to edit."),
                    new RouterLink("Back to all ladders", LaddersView.class)));
            return;
        }
        add(header, checks, body);
        render();
    }

    private void load() {
        content = ladders.draftOf(ladderId)
                .map(ladders::content)
                .or(() -> ladders.published(ladderId))
                .orElse(null);
        if (content != null) {
            draftVersion = content.version().version();
            title = "Edit · " + content.version().ladderName();
        }
    }

    @Override
    public boolean isDraft() {
        return content != null && content.version().status() == VersionStatus.DRAFT;
    }

    @Override
    public Long versionId() {
        return content.version().id();
    }

    /** Reloads the ladder after a change (or a refused one) and redraws what depends on it. */
    @Override
    public void refresh() {
        load();
        if (content == null) {
            getUI().ifPresent(ui -> ui.navigate(LaddersView.class));
            return;
        }
        render();
    }

    private void render() {
        renderHeader();
        renderChecks();
        if (tabs.getParent().isEmpty()) {
            buildTabs();
        }
        matrix.setContent(content);
        matrixHint.setText(
                isDraft() ? "Click a cell to edit what that level asks." : "Start a draft to edit the matrix.");
        var selectedArea = areaFilter.getValue();
        areaFilter.setItems(content.areas());
        if (selectedArea != null) {
            content.area(selectedArea.key()).ifPresent(areaFilter::setValue);
        }
        applyFilter();
        tiersPanel.render();
        areasPanel.render();
        branchesPanel.render();
    }

    // ---------------------------------------------------------------- header and checks

    private void renderHeader() {
        header.removeAll();
        var back = new RouterLink("All ladders", LaddersView.class);
        back.addClassName("back-link");
        var h1 = new H1(content.version().ladderName());
        h1.addClassName("page-title");
        var titleRow = new Div(
                h1,
                LadderRenderers.statusBadge(
                        content.version().status(), content.version().number()));
        titleRow.addClassName("ladder-title-row");
        var v = content.version();
        var meta = new Paragraph(
                isDraft()
                        ? "Draft started " + LadderRenderers.date(v.createdAt()) + " by " + v.createdBy()
                                + ". Engineers keep seeing the published version until you publish this draft."
                        : "Version " + v.number()
                                + " is published and never changes. Start a draft to edit it; engineers "
                                + "keep seeing version " + v.number() + " until you publish the draft.");
        meta.addClassNames("muted", "ladder-meta");

        var actions = new Div();
        actions.addClassName("editor-actions");
        if (isDraft()) {
            var publish = new Button("Publish…", VaadinIcon.CHECK.create(), e -> openPublishDialog());
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setId("publish");
            var discard = new Button("Discard draft", VaadinIcon.TRASH.create(), e -> confirmDiscard());
            discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            discard.setId("discard-draft");
            var importFile = new Button("Import into draft", VaadinIcon.UPLOAD.create(), e -> openImportDialog());
            importFile.setId("import-draft");
            actions.add(publish, importFile, discard);
        } else {
            var start = new Button("Start a draft", VaadinIcon.EDIT.create(), e -> startDraft());
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setId("start-draft");
            var importFile = new Button("Import as new draft", VaadinIcon.UPLOAD.create(), e -> openImportDialog());
            importFile.setId("import-draft");
            actions.add(start, importFile);
        }
        // Pay bands: their own dialog (PayBandsDialog), editable in a draft.
        var bands = new Button(
                "Pay bands", VaadinIcon.MONEY.create(), e -> new PayBandsDialog(payBands, content, isDraft()).open());
        bands.setId("pay-bands-button");
        actions.add(bands);
        var browse = new RouterLink("View published", LadderBrowserView.class, params());
        browse.addClassName("header-link");
        var history = new RouterLink("Version history", LadderHistoryView.class, params());
        history.addClassName("header-link");
        var links = new Div(browse, history, new LadderDownloads(files, versionId()));
        links.addClassName("editor-links");
        var bar = new Div(actions, links);
        bar.addClassName("ladder-bar");
        header.add(back, titleRow, meta, bar);
    }

    private RouteParameters params() {
        return new RouteParameters("ladderId", String.valueOf(ladderId));
    }

    private void renderChecks() {
        checks.removeAll();
        checks.setVisible(isDraft());
        if (!isDraft()) {
            return;
        }
        var problems = content.publishChecks();
        if (problems.isEmpty()) {
            checks.removeClassName("has-problems");
            var ok = new Div(
                    VaadinIcon.CHECK_CIRCLE.create(), new Span("All checks pass: this draft is ready to publish."));
            ok.addClassName("checks-ok");
            checks.add(ok);
            return;
        }
        checks.addClassName("has-problems");
        var heading = new Div(
                VaadinIcon.WARNING.create(),
                new Span(
                        problems.size() + (problems.size() == 1 ? " thing" : " things") + " to fix before publishing"));
        heading.addClassName("checks-heading");
        var list = new UnorderedList();
        list.setId("publish-problems");
        problems.forEach(p -> list.add(new ListItem(p)));
        checks.add(heading, list);
    }

    // ---------------------------------------------------------------- tabs

    private void buildTabs() {
        areaFilter = new Select<>();
        areaFilter.setEmptySelectionAllowed(true);
        areaFilter.setEmptySelectionCaption("All areas");
        areaFilter.setItemLabelGenerator(a -> a == null ? "All areas" : a.name());
        areaFilter.setAriaLabel("Area");
        areaFilter.addValueChangeListener(e -> applyFilter());
        search = new TextField();
        search.setPlaceholder("Find a competency");
        search.setAriaLabel("Find a competency");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> applyFilter());
        matrixHint = Badges.muted("");
        matrixHint.addClassName("matrix-hint");
        var hint = matrixHint;
        var filters = new Div(areaFilter, search, LadderBrowserView.legend(), hint);
        filters.addClassName("filter-bar");
        matrix = new Matrix(content, this::openCellEditor, LadderEditorView::levelHeader);
        matrix.setId("editor-matrix");
        var matrixTab = new Div(filters, matrix);
        matrixTab.addClassName("matrix-tab");
        tabs.add("Expectations", matrixTab);
        tabs.add("Tiers & levels", tiersPanel);
        tabs.add("Areas & competencies", areasPanel);
        tabs.add("Tracks & readiness", branchesPanel);
        tabs.addClassName("editor-tabs");
        body.add(tabs);
    }

    private void applyFilter() {
        matrix.filter(
                areaFilter.getValue() == null ? null : areaFilter.getValue().key(), null, search.getValue());
    }

    private static Component levelHeader(LevelView level) {
        var key = new Span(level.key());
        key.addClassName("level-header-key");
        var name = new Span(level.title());
        name.addClassName("level-header-title");
        var box = new Div(key, name);
        box.addClassName("level-header");
        return box;
    }

    // ---------------------------------------------------------------- editing

    void openCellEditor(CompetencyView competency, LevelView level) {
        if (!isDraft()) {
            Toasts.error("Version " + content.version().number()
                    + " is published and cannot change. Start a draft to edit the matrix.");
            return;
        }
        new CellEditorDialog(this, drafts, competency, level).open();
    }

    @Override
    public boolean edit(Edit change) {
        boolean done = Toasts.attempt(() -> draftVersion = change.apply(draftVersion), conflict -> refresh());
        if (done) {
            refresh();
        }
        return done;
    }

    // ---------------------------------------------------------------- lifecycle

    void startDraft() {
        if (Toasts.attempt(() -> lifecycle.startDraft(ladderId))) {
            refresh();
            Toasts.success("Draft version " + content.version().number() + " started. Edit away.");
        }
    }

    void openPublishDialog() {
        new PublishDialog(this, ladders, lifecycle, draftVersion, (previous, number) -> {
                    var query = new LinkedHashMap<String, String>();
                    previous.ifPresent(p -> query.put("from", String.valueOf(p)));
                    query.put("to", String.valueOf(number));
                    getUI().ifPresent(ui ->
                            ui.navigate(LadderHistoryView.class, params(), QueryParameters.simple(query)));
                })
                .open();
    }

    void confirmDiscard() {
        Confirm.askDestructive(
                "Discard draft version " + content.version().number() + "?",
                "Every change in this draft is lost. The published version stays as it is.",
                "Discard draft",
                () -> {
                    if (Toasts.attempt(
                            () -> lifecycle.discardDraft(versionId(), draftVersion), conflict -> refresh())) {
                        refresh();
                        Toasts.success("Draft discarded.");
                    }
                });
    }

    void openImportDialog() {
        new ImportDraftDialog(this, files, ladderId, draftVersion).open();
    }

    /** The version being edited (views are proxied by method security, so tests read it through a method). */
    @Override
    public LadderContent content() {
        return content;
    }

    void selectTab(int index) {
        tabs.setSelectedIndex(index);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
