package app.rungs.ladder.ui;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.ImportException;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TierView;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
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
import java.util.Optional;
import java.util.Set;

/**
 * The ladder editor for admins. A published version never changes: editing happens in the ladder's draft, started
 * from the current version. Here an admin edits tiers and levels, areas and competencies, and the expectation matrix
 * in place, sees what blocks publishing, and publishes with a change note or discards the draft. Every change names
 * the version it was made on, so two admins never silently overwrite each other.
 */
@Route("ladders/:ladderId(\\d{1,18})/edit")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet(LadderUi.STYLES)
public class LadderEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    enum CellMode {
        EXPECTED,
        NOT_EXPECTED,
        INHERIT
    }

    private final LadderService ladders;
    private final LadderStructureService structure;
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
    private final Div tiersPanel = new Div();
    private final Div areasPanel = new Div();
    private final Div body = new Div();

    public LadderEditorView(LadderService ladders, LadderStructureService structure) {
        this.ladders = ladders;
        this.structure = structure;
        addClassNames("page", "page-full", "ladder-page", "editor-page");
        header.addClassName("ladder-header");
        checks.addClassName("publish-checks");
        tiersPanel.addClassName("structure-panel");
        areasPanel.addClassName("structure-panel");
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

    boolean isDraft() {
        return content != null && content.version().status() == VersionStatus.DRAFT;
    }

    private Long versionId() {
        return content.version().id();
    }

    /** Reloads the ladder after a change (or a refused one) and redraws what depends on it. */
    void refresh() {
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
        renderTiers();
        renderAreas();
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
                LadderUi.statusBadge(
                        content.version().status(), content.version().number()));
        titleRow.addClassName("ladder-title-row");
        var v = content.version();
        var meta = new Paragraph(
                isDraft()
                        ? "Draft started " + LadderUi.date(v.createdAt()) + " by " + v.createdBy()
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
        var browse = new RouterLink("View published", LadderBrowserView.class, params());
        browse.addClassName("header-link");
        var history = new RouterLink("Version history", LadderHistoryView.class, params());
        history.addClassName("header-link");
        var links = new Div(browse, history, LadderUi.downloads(ladders, versionId()));
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
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> applyFilter());
        matrixHint = LadderUi.muted("");
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

    // ---------------------------------------------------------------- the expectation cell editor

    void openCellEditor(CompetencyView competency, LevelView level) {
        if (!isDraft()) {
            LadderUi.error("Version " + content.version().number()
                    + " is published and cannot change. Start a draft to edit the matrix.");
            return;
        }
        var explicit = content.explicit(competency.key(), level.key());
        var resolved = content.resolve(competency.key(), level.key());
        var below = belowOf(competency, level);
        var dialog = new Dialog();
        dialog.addClassName("cell-dialog");
        dialog.setHeaderTitle(competency.name() + " · " + level.key());
        dialog.setWidth("min(44rem, 95vw)");

        var state = new Paragraph();
        state.addClassName("cell-state");
        if (explicit.isPresent()) {
            state.setText(
                    explicit.get().kind() == ExpectationKind.NOT_EXPECTED
                            ? "Marked as not expected at " + level.key() + "."
                            : "Set at " + level.key() + " (" + level.title() + ").");
        } else if (resolved.expectation() != null) {
            state.setText("Inherited from " + resolved.definedAt().key() + ": "
                    + (resolved.expected() ? "“" + resolved.expectation().statement() + "”" : "not expected."));
            state.addClassName("cell-state-inherited");
        } else {
            state.setText("Nothing is asked at " + level.key() + " or any level below yet.");
        }

        var mode = new RadioButtonGroup<CellMode>();
        mode.setId("cell-mode");
        mode.setItems(CellMode.values());
        mode.setItemLabelGenerator(m -> switch (m) {
            case EXPECTED -> "Expected at " + level.key();
            case NOT_EXPECTED -> "Not expected at " + level.key();
            case INHERIT -> below.map(b -> "Inherit from " + b).orElse("Nothing asked (clear)");
        });
        var statement = new TextArea("What " + level.key() + " asks");
        statement.setId("cell-statement");
        statement.setWidthFull();
        statement.setMinHeight("8rem");
        statement.setMaxLength(20_000);
        var examples = new TextArea("Examples (optional)");
        examples.setId("cell-examples");
        examples.setWidthFull();
        examples.setMaxLength(20_000);
        examples.setHelperText("Concrete evidence that shows this expectation is met.");
        if (explicit.isPresent() && explicit.get().kind() == ExpectationKind.EXPECTED) {
            statement.setValue(explicit.get().statement());
            examples.setValue(
                    explicit.get().examples() == null ? "" : explicit.get().examples());
        } else if (resolved.expected()) {
            // Raising the bar usually starts from what the level below asks.
            statement.setValue(resolved.expectation().statement());
            examples.setValue(
                    resolved.expectation().examples() == null
                            ? ""
                            : resolved.expectation().examples());
        }
        mode.addValueChangeListener(e -> {
            statement.setVisible(e.getValue() == CellMode.EXPECTED);
            examples.setVisible(e.getValue() == CellMode.EXPECTED);
        });
        mode.setValue(
                explicit.map(e -> e.kind() == ExpectationKind.NOT_EXPECTED ? CellMode.NOT_EXPECTED : CellMode.EXPECTED)
                        .orElse(CellMode.INHERIT));
        dialog.add(state, mode, statement, examples);

        var save = new Button("Save", e -> {
            boolean done;
            var rowVersion =
                    explicit.map(LadderContent.ExpectationView::version).orElse(null);
            if (mode.getValue() == CellMode.INHERIT) {
                done = explicit.isEmpty()
                        || LadderUi.attempt(
                                () -> ladders.clearExpectation(versionId(), competency.key(), level.key(), rowVersion),
                                conflict -> refresh());
            } else {
                var kind =
                        mode.getValue() == CellMode.EXPECTED ? ExpectationKind.EXPECTED : ExpectationKind.NOT_EXPECTED;
                done = LadderUi.attempt(
                        () -> ladders.setExpectation(
                                versionId(),
                                competency.key(),
                                level.key(),
                                kind,
                                statement.getValue(),
                                examples.getValue(),
                                rowVersion),
                        conflict -> {
                            dialog.close();
                            refresh();
                        });
            }
            if (done) {
                dialog.close();
                refresh();
                LadderUi.success("Saved what " + level.key() + " asks of " + competency.name() + ".");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("cell-save");
        var cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** The key of the nearest lower level, if any, for the "inherit from" label. */
    private Optional<String> belowOf(CompetencyView competency, LevelView level) {
        int i = content.levels().indexOf(level);
        return i > 0 ? Optional.of(content.levels().get(i - 1).key()) : Optional.empty();
    }

    // ---------------------------------------------------------------- tiers and levels

    private void renderTiers() {
        tiersPanel.removeAll();
        if (!isDraft()) {
            tiersPanel.add(readOnlyHint());
        }
        for (int t = 0; t < content.tiers().size(); t++) {
            var tier = content.tiers().get(t);
            var block = new Div();
            block.addClassName("structure-block");
            block.setId("tier-" + tier.key());
            var name = new H3(tier.name());
            var head = new Div(name, LadderUi.keyBadge(tier.key()));
            head.addClassName("structure-head");
            if (isDraft()) {
                head.add(rowActions(
                        "tier-" + tier.key(),
                        () -> openTierDialog(tier),
                        t > 0 ? () -> edit(v -> structure.moveTier(versionId(), v, tier.key(), -1)) : null,
                        t < content.tiers().size() - 1
                                ? () -> edit(v -> structure.moveTier(versionId(), v, tier.key(), 1))
                                : null,
                        () -> confirmRemove(
                                "Remove tier " + tier.name() + "?",
                                "The tier is removed from this draft together with its levels and their expectations.",
                                v -> structure.removeTier(versionId(), v, tier.key()))));
            }
            block.add(head);
            if (tier.description() != null) {
                var d = new Paragraph(tier.description());
                d.addClassNames("muted", "structure-description");
                block.add(d);
            }
            var levels = content.levelsOf(tier.key());
            for (int l = 0; l < levels.size(); l++) {
                block.add(levelRow(levels.get(l), l > 0, l < levels.size() - 1));
            }
            if (levels.isEmpty()) {
                block.add(LadderUi.muted("No levels yet."));
            }
            if (isDraft()) {
                var add = new Button("Add level", VaadinIcon.PLUS.create(), e -> openLevelDialog(tier, null));
                add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                add.setId("add-level-" + tier.key());
                block.add(add);
            }
            tiersPanel.add(block);
        }
        if (isDraft()) {
            var addTier = new Button("Add tier", VaadinIcon.PLUS.create(), e -> openTierDialog(null));
            addTier.setId("add-tier");
            tiersPanel.add(addTier);
        }
    }

    private Component levelRow(LevelView level, boolean canMoveUp, boolean canMoveDown) {
        var title = new Span(level.title());
        title.addClassName("structure-name");
        var main = new Div(LadderUi.keyBadge(level.key()), title);
        main.addClassName("structure-main");
        if (level.typicalExperience() != null) {
            main.add(LadderUi.muted("typically " + level.typicalExperience()));
        }
        var row = new Div(main);
        row.addClassName("structure-row");
        row.setId("level-" + level.key());
        if (level.scope() != null) {
            var scope = new Paragraph(level.scope());
            scope.addClassNames("muted", "structure-description");
            row.add(scope);
        }
        if (isDraft()) {
            // Within a tier, lower levels come first: "up" moves a level earlier, i.e. lower on the ladder.
            main.add(rowActions(
                    "level-" + level.key(),
                    () -> openLevelDialog(null, level),
                    canMoveUp ? () -> edit(v -> structure.moveLevel(versionId(), v, level.key(), -1)) : null,
                    canMoveDown ? () -> edit(v -> structure.moveLevel(versionId(), v, level.key(), 1)) : null,
                    () -> confirmRemove(
                            "Remove level " + level.key() + "?",
                            "Level " + level.key() + " (" + level.title() + ") and what it asks are removed from this "
                                    + "draft. A level that people hold cannot be removed.",
                            v -> structure.removeLevel(versionId(), v, level.key()))));
        }
        return row;
    }

    private void openTierDialog(TierView tier) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(tier == null ? "Add tier" : "Edit tier " + tier.key());
        dialog.setWidth("min(36rem, 95vw)");
        var key = new TextField("Key");
        key.setHelperText(
                tier == null
                        ? "Upper-case letters, digits and '-', e.g. STAFF. Leave empty to derive it from the name."
                        : "Keys never change once created.");
        key.setReadOnly(tier != null);
        key.setValue(tier == null ? "" : tier.key());
        var name = new TextField("Name", tier == null ? "" : tier.name(), "");
        name.setId("tier-name");
        name.setWidthFull();
        var description = new TextArea("Description");
        description.setWidthFull();
        description.setValue(tier == null || tier.description() == null ? "" : tier.description());
        dialog.add(key, name, description);
        addSave(
                dialog,
                "tier-save",
                () -> edit(v -> tier == null
                        ? structure.addTier(versionId(), v, key.getValue(), name.getValue(), description.getValue())
                        : structure.updateTier(versionId(), v, tier.key(), name.getValue(), description.getValue())));
        dialog.open();
    }

    private void openLevelDialog(TierView tier, LevelView level) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(level == null ? "Add level to " + tier.name() : "Edit level " + level.key());
        dialog.setWidth("min(40rem, 95vw)");
        var key = new TextField("Key");
        key.setId("level-key");
        key.setHelperText(
                level == null
                        ? "Upper-case letters, digits and '-', e.g. DSE-4. Leave empty to derive it from the title."
                        : "Keys never change once created: people and evidence refer to them.");
        key.setReadOnly(level != null);
        key.setValue(level == null ? "" : level.key());
        var title = new TextField("Title", level == null ? "" : level.title(), "");
        title.setId("level-title");
        title.setWidthFull();
        var scope = new TextArea("Scope");
        scope.setWidthFull();
        scope.setValue(level == null || level.scope() == null ? "" : level.scope());
        var impact = new TextArea("Impact");
        impact.setWidthFull();
        impact.setValue(level == null || level.impact() == null ? "" : level.impact());
        var experience = new TextField(
                "Typical experience",
                level == null || level.typicalExperience() == null ? "" : level.typicalExperience(),
                "e.g. 5–8 years");
        experience.setMaxLength(100);
        dialog.add(new Div(key, title), scope, impact, experience);
        if (level == null) {
            dialog.add(LadderUi.muted("New levels are added at the top of the tier; move them with the arrows."));
        }
        addSave(
                dialog,
                "level-save",
                () -> edit(v -> {
                    if (level != null) {
                        return structure.updateLevel(
                                versionId(),
                                v,
                                level.key(),
                                title.getValue(),
                                scope.getValue(),
                                impact.getValue(),
                                experience.getValue());
                    }
                    long next = structure.addLevel(versionId(), v, tier.key(), key.getValue(), title.getValue());
                    if (scope.isEmpty() && impact.isEmpty() && experience.isEmpty()) {
                        return next;
                    }
                    var added =
                            ladders.content(versionId()).levelsOf(tier.key()).getLast();
                    return structure.updateLevel(
                            versionId(),
                            next,
                            added.key(),
                            title.getValue(),
                            scope.getValue(),
                            impact.getValue(),
                            experience.getValue());
                }));
        dialog.open();
    }

    // ---------------------------------------------------------------- areas and competencies

    private void renderAreas() {
        areasPanel.removeAll();
        if (!isDraft()) {
            areasPanel.add(readOnlyHint());
        }
        for (int a = 0; a < content.areas().size(); a++) {
            var area = content.areas().get(a);
            var block = new Div();
            block.addClassName("structure-block");
            block.setId("area-" + area.key());
            var head = new Div(new H3(area.name()), LadderUi.keyBadge(area.key()));
            head.addClassName("structure-head");
            if (isDraft()) {
                head.add(rowActions(
                        "area-" + area.key(),
                        () -> openAreaDialog(area),
                        a > 0 ? () -> edit(v -> structure.moveArea(versionId(), v, area.key(), -1)) : null,
                        a < content.areas().size() - 1
                                ? () -> edit(v -> structure.moveArea(versionId(), v, area.key(), 1))
                                : null,
                        () -> confirmRemove(
                                "Remove area " + area.name() + "?",
                                "The area is removed from this draft with its competencies and what every level asks "
                                        + "of them.",
                                v -> structure.removeArea(versionId(), v, area.key()))));
            }
            block.add(head);
            if (area.description() != null) {
                var d = new Paragraph(area.description());
                d.addClassNames("muted", "structure-description");
                block.add(d);
            }
            var competencies = content.competenciesOf(area.key());
            for (int c = 0; c < competencies.size(); c++) {
                block.add(competencyRow(competencies.get(c), c > 0, c < competencies.size() - 1));
            }
            if (competencies.isEmpty()) {
                block.add(LadderUi.muted("No competencies yet."));
            }
            if (isDraft()) {
                var add = new Button("Add competency", VaadinIcon.PLUS.create(), e -> openCompetencyDialog(area, null));
                add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                add.setId("add-competency-" + area.key());
                block.add(add);
            }
            areasPanel.add(block);
        }
        if (isDraft()) {
            var addArea = new Button("Add area", VaadinIcon.PLUS.create(), e -> openAreaDialog(null));
            addArea.setId("add-area");
            areasPanel.add(addArea);
        }
    }

    private Component competencyRow(CompetencyView competency, boolean canMoveUp, boolean canMoveDown) {
        var name = new Span(competency.name());
        name.addClassName("structure-name");
        var main = new Div(name, LadderUi.keyBadge(competency.key()));
        main.addClassName("structure-main");
        if (!competency.specializations().isEmpty()) {
            main.add(LadderUi.specializations(competency.specializations()));
        }
        var row = new Div(main);
        row.addClassName("structure-row");
        row.setId("competency-" + competency.key());
        if (competency.description() != null) {
            var d = new Paragraph(competency.description());
            d.addClassNames("muted", "structure-description");
            row.add(d);
        }
        if (isDraft()) {
            main.add(rowActions(
                    "competency-" + competency.key(),
                    () -> openCompetencyDialog(null, competency),
                    canMoveUp ? () -> edit(v -> structure.moveCompetency(versionId(), v, competency.key(), -1)) : null,
                    canMoveDown ? () -> edit(v -> structure.moveCompetency(versionId(), v, competency.key(), 1)) : null,
                    () -> confirmRemove(
                            "Remove " + competency.name() + "?",
                            "The competency and what every level asks of it are removed from this draft.",
                            v -> structure.removeCompetency(versionId(), v, competency.key()))));
        }
        return row;
    }

    private void openAreaDialog(AreaView area) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(area == null ? "Add area" : "Edit area " + area.name());
        dialog.setWidth("min(36rem, 95vw)");
        var key = new TextField("Key");
        key.setHelperText(
                area == null
                        ? "Lower-case letters, digits and '-'. Leave empty to derive it from the name."
                        : "Keys never change once created.");
        key.setReadOnly(area != null);
        key.setValue(area == null ? "" : area.key());
        var name = new TextField("Name", area == null ? "" : area.name(), "");
        name.setId("area-name");
        name.setWidthFull();
        var description = new TextArea("Description");
        description.setWidthFull();
        description.setValue(area == null || area.description() == null ? "" : area.description());
        dialog.add(key, name, description);
        addSave(
                dialog,
                "area-save",
                () -> edit(v -> area == null
                        ? structure.addArea(versionId(), v, key.getValue(), name.getValue(), description.getValue())
                        : structure.updateArea(versionId(), v, area.key(), name.getValue(), description.getValue())));
        dialog.open();
    }

    private void openCompetencyDialog(AreaView area, CompetencyView competency) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(competency == null ? "Add competency to " + area.name() : "Edit " + competency.name());
        dialog.setWidth("min(40rem, 95vw)");
        var key = new TextField("Key");
        key.setHelperText(
                competency == null
                        ? "Lower-case letters, digits and '-'. Leave empty to derive it from the name."
                        : "Keys never change once created: evidence refers to them.");
        key.setReadOnly(competency != null);
        key.setValue(competency == null ? "" : competency.key());
        var name = new TextField("Name", competency == null ? "" : competency.name(), "");
        name.setId("competency-name");
        name.setWidthFull();
        var description = new TextArea("Description");
        description.setWidthFull();
        description.setValue(competency == null || competency.description() == null ? "" : competency.description());
        var tracks = new CheckboxGroup<SpecializationTrack>("Specializations");
        tracks.setItems(SpecializationTrack.values());
        tracks.setItemLabelGenerator(SpecializationTrack::label);
        tracks.setHelperText("Tracks this competency matters most for; leave empty when it applies to everyone.");
        if (competency != null) {
            tracks.setValue(Set.copyOf(competency.specializations()));
        }
        dialog.add(key, name, description, tracks);
        addSave(
                dialog,
                "competency-save",
                () -> edit(v -> competency == null
                        ? structure.addCompetency(
                                versionId(),
                                v,
                                area.key(),
                                key.getValue(),
                                name.getValue(),
                                description.getValue(),
                                tracks.getValue())
                        : structure.updateCompetency(
                                versionId(),
                                v,
                                competency.key(),
                                name.getValue(),
                                description.getValue(),
                                tracks.getValue())));
        dialog.open();
    }

    // ---------------------------------------------------------------- shared editing helpers

    interface Edit {
        long apply(long expectedVersion);
    }

    /** Applies one structural change to the draft; a stale draft is reloaded so the admin sees the other change. */
    boolean edit(Edit change) {
        boolean done = LadderUi.attempt(() -> draftVersion = change.apply(draftVersion), conflict -> refresh());
        if (done) {
            refresh();
        }
        return done;
    }

    private static void addSave(Dialog dialog, String id, java.util.function.BooleanSupplier save) {
        var button = new Button("Save", e -> {
            if (save.getAsBoolean()) {
                dialog.close();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId(id);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), button);
    }

    private Component rowActions(String id, Runnable edit, Runnable up, Runnable down, Runnable remove) {
        var box = new Div();
        box.addClassName("structure-actions");
        box.add(iconButton(VaadinIcon.PENCIL, "Edit", id + "-edit", edit));
        box.add(iconButton(VaadinIcon.ARROW_UP, "Move up", id + "-up", up));
        box.add(iconButton(VaadinIcon.ARROW_DOWN, "Move down", id + "-down", down));
        var removeButton = iconButton(VaadinIcon.TRASH, "Remove", id + "-remove", remove);
        removeButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        box.add(removeButton);
        return box;
    }

    private static Button iconButton(VaadinIcon icon, String label, String id, Runnable action) {
        var button = new Button(icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.setId(id);
        if (action == null) {
            button.setEnabled(false);
        } else {
            button.addClickListener(e -> action.run());
        }
        return button;
    }

    private void confirmRemove(String header, String text, Edit removal) {
        var confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText("Remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> edit(removal));
        confirm.open();
    }

    private Component readOnlyHint() {
        var hint = new Paragraph("You are looking at the published version. Start a draft to change the structure.");
        hint.addClassName("read-only-hint");
        return hint;
    }

    // ---------------------------------------------------------------- lifecycle

    void startDraft() {
        if (LadderUi.attempt(() -> ladders.startDraft(ladderId))) {
            refresh();
            LadderUi.success("Draft version " + content.version().number() + " started. Edit away.");
        }
    }

    void openPublishDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Publish version " + content.version().number());
        dialog.setWidth("min(40rem, 95vw)");
        var problems = content.publishChecks();
        var published = ladders.published(ladderId);
        if (!problems.isEmpty()) {
            dialog.add(new Paragraph("Fix these first:"), LadderUi.problems(problems));
        } else {
            published.ifPresent(p -> {
                var diff = ladders.diff(p.version().id(), versionId());
                var summary =
                        new Paragraph("Compared with version " + p.version().number() + ": "
                                + diff.count(app.rungs.ladder.service.LadderDiff.Change.ADDED) + " added, "
                                + diff.count(app.rungs.ladder.service.LadderDiff.Change.CHANGED) + " changed, "
                                + diff.count(app.rungs.ladder.service.LadderDiff.Change.REMOVED) + " removed.");
                summary.setId("publish-summary");
                dialog.add(summary);
            });
            dialog.add(LadderUi.muted(
                    "Once published, version " + content.version().number()
                            + " becomes what everyone sees and never changes again"
                            + published
                                    .map(p -> "; version " + p.version().number() + " stays readable in the history.")
                                    .orElse(".")));
        }
        var note = new TextArea("Change note");
        note.setId("publish-note");
        note.setWidthFull();
        note.setMaxLength(1000);
        note.setPlaceholder("What changed and why. Shown in the version history.");
        dialog.add(note);
        var publish = new Button("Publish", e -> {
            long number = content.version().number();
            if (LadderUi.attempt(() -> ladders.publish(versionId(), draftVersion, note.getValue()), conflict -> {
                dialog.close();
                refresh();
            })) {
                dialog.close();
                LadderUi.success("Version " + number + " is published.");
                var query = new java.util.LinkedHashMap<String, String>();
                published.ifPresent(
                        p -> query.put("from", String.valueOf(p.version().number())));
                query.put("to", String.valueOf(number));
                getUI().ifPresent(ui -> ui.navigate(LadderHistoryView.class, params(), QueryParameters.simple(query)));
            }
        });
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        publish.setEnabled(problems.isEmpty());
        publish.setId("publish-confirm");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), publish);
        dialog.open();
    }

    void confirmDiscard() {
        var confirm = new ConfirmDialog();
        confirm.setHeader("Discard draft version " + content.version().number() + "?");
        confirm.setText("Every change in this draft is lost. The published version stays as it is.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Discard draft");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            if (LadderUi.attempt(() -> ladders.discardDraft(versionId(), draftVersion), conflict -> refresh())) {
                refresh();
                LadderUi.success("Draft discarded.");
            }
        });
        confirm.open();
    }

    void openImportDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(isDraft() ? "Import a file into the draft" : "Import a file as a new draft");
        dialog.setWidth("min(40rem, 95vw)");
        var problems = new Div();
        problems.addClassName("import-problems");
        var hint = new Paragraph((isDraft()
                        ? "The file replaces this draft entirely. "
                        : "The file becomes a new draft; the published version stays as it is. ")
                + "A CSV carries the matrix only: descriptions, scope and impact of parts whose keys stay the same are "
                + "kept. Nothing changes if the file has any problem.");
        hint.addClassName("muted");
        var importButton = new Button(isDraft() ? "Replace draft" : "Import");
        importButton.setEnabled(false);
        var upload = new LadderFileUpload((fileName, bytes) -> {
            problems.removeAll();
            importButton.setEnabled(bytes != null);
        });
        importButton.addClickListener(e -> {
            problems.removeAll();
            try {
                ladders.importIntoDraft(ladderId, isDraft() ? draftVersion : null, upload.fileName(), upload.bytes());
                dialog.close();
                refresh();
                LadderUi.success("Imported " + upload.fileName() + " as draft version "
                        + content.version().number() + ".");
            } catch (ImportException ex) {
                problems.add(new Span("Nothing was imported. Fix these problems and upload the file again:"));
                problems.add(LadderUi.problems(ex.problems()));
            } catch (ValidationException ex) {
                problems.add(LadderUi.problems(ex.problems()));
            } catch (app.rungs.shared.service.ConcurrentEditException ex) {
                problems.add(new Span(ex.getMessage()));
                refresh();
            }
        });
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setId("import-draft-submit");
        dialog.add(hint, upload, problems);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), importButton);
        dialog.open();
    }

    /** The version being edited (views are proxied by method security, so tests read it through a method). */
    LadderContent content() {
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
