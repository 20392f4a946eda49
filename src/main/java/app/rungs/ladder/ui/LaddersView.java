package app.rungs.ladder.ui;

import app.rungs.ladder.service.ImportException;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderSummary;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.ladder.service.PublicLadders;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The ladders of the organization for admins: create one (blank, from the built-in template, or from a YAML or CSV
 * file), rename, retire, and open the editor. The list loads page by page in a fixed number of statements.
 */
@Route("ladders")
@PageTitle("Ladders")
@Menu(order = 60, icon = "vaadin:sitemap", title = "Ladders")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet(LadderRenderers.STYLES)
public class LaddersView extends Div {

    private final LadderService ladders;
    private final LadderLifecycleService lifecycle;
    private final LadderFileService files;
    final Grid<LadderSummary> grid = new Grid<>();

    public LaddersView(
            LadderService ladders,
            LadderLifecycleService lifecycle,
            LadderFileService files,
            PublicLadders publicLadders) {
        this.ladders = ladders;
        this.lifecycle = lifecycle;
        this.files = files;
        addClassNames("page", "ladders-page");
        var title = new H1("Ladders");
        title.addClassName("page-title");
        var intro = new Paragraph("The career ladders of your organization. Engineers and managers see the published "
                + "version of each; your edits stay in a draft until you publish them.");
        intro.addClassName("muted");

        var blank = new Button("New ladder", VaadinIcon.PLUS.create(), e -> openBlankDialog());
        blank.setId("new-ladder");
        var template = new Button("New ladder from template", VaadinIcon.MAGIC.create(), e -> openTemplateDialog());
        template.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        template.setId("new-from-template");
        var upload = new Button("Import file", VaadinIcon.UPLOAD.create(), e -> openImportDialog());
        upload.setId("import-ladder");
        var toolbar = new Div(template, blank, upload);
        toolbar.addClassName("toolbar");

        grid.setId("ladders");
        grid.addClassName("ladders-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addColumn(new ComponentRenderer<>(this::nameCell))
                .setHeader("Ladder")
                .setKey("name")
                .setFlexGrow(1);
        var publicSite = new PublicSiteControl(
                publicLadders, () -> grid.getDataProvider().refreshAll());
        grid.addColumn(new ComponentRenderer<>(l -> publicSite.below(statusCell(l), l)))
                .setHeader("Status")
                .setKey("status")
                .setWidth("16rem")
                .setFlexGrow(0);
        grid.addColumn(l -> l.levelCount() + " levels · " + l.competencyCount() + " competencies")
                .setHeader("Size")
                .setKey("size")
                .setWidth("14rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions))
                .setHeader("")
                .setKey("actions")
                .setWidth("22rem")
                .setFlexGrow(0);
        grid.setItems(query -> ladders.list(query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, ladders.count()));
        grid.setAllRowsVisible(true);
        add(title, intro, toolbar, grid);
    }

    private Component nameCell(LadderSummary l) {
        var link = l.publishedVersionId() != null
                ? new RouterLink(l.name(), LadderBrowserView.class, params(l.id()))
                : new RouterLink(l.name(), LadderEditorView.class, params(l.id()));
        link.addClassName("ladder-name");
        var box = new Div(link);
        box.addClassName("ladder-name-cell");
        if (l.description() != null) {
            var description = new Span(l.description());
            description.addClassNames("muted", "ladder-description");
            box.add(description);
        }
        return box;
    }

    private static Component statusCell(LadderSummary l) {
        var box = new Div();
        box.addClassName("status-cell");
        if (l.retired()) {
            box.add(Badges.badge("Retired", ""));
            return box;
        }
        if (l.publishedNumber() != null) {
            box.add(Badges.badge("Published · v" + l.publishedNumber(), "success"));
        } else {
            box.add(Badges.badge("Not published", "error"));
        }
        if (l.draftNumber() != null) {
            box.add(Badges.badge("Draft · v" + l.draftNumber(), "warning"));
        }
        return box;
    }

    private Component actions(LadderSummary l) {
        var box = new Div();
        box.addClassName("row-actions");
        if (!l.retired()) {
            var edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> navigateToEditor(l.id()));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.setId("edit-" + l.id());
            box.add(edit);
        }
        if (l.publishedVersionId() != null) {
            var browse = new Button(
                    "Browse",
                    VaadinIcon.EYE.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(LadderBrowserView.class, params(l.id()))));
            browse.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            box.add(browse);
        }
        if (!l.retired()) {
            var rename = new Button("Rename", e -> openRenameDialog(l));
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            rename.setId("rename-" + l.id());
            var retire = new Button("Retire", e -> confirmRetire(l));
            retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            retire.setId("retire-" + l.id());
            box.add(rename, retire);
        }
        return box;
    }

    private static RouteParameters params(Long ladderId) {
        return new RouteParameters("ladderId", String.valueOf(ladderId));
    }

    private void navigateToEditor(Long ladderId) {
        getUI().ifPresent(ui -> ui.navigate(LadderEditorView.class, params(ladderId)));
    }

    // ---------------------------------------------------------------- dialogs

    void openBlankDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New ladder");
        dialog.setWidth("min(32rem, 95vw)");
        var name = new TextField("Name");
        name.setId("blank-name");
        name.setWidthFull();
        name.setRequired(true);
        name.setMaxLength(200);
        var description = new TextArea("Description");
        description.setWidthFull();
        var hint =
                new Paragraph("The ladder starts empty as draft version 1: add tiers, levels, areas and competencies "
                        + "in the editor, then publish.");
        hint.addClassName("muted");
        dialog.add(name, description, hint);
        var create = new Button("Create and edit", e -> {
            Long[] versionId = new Long[1];
            if (Toasts.attempt(() -> versionId[0] = lifecycle.createBlank(name.getValue(), description.getValue()))) {
                dialog.close();
                var ladderId = ladders.content(versionId[0]).version().ladderId();
                navigateToEditor(ladderId);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-blank");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        name.focus();
    }

    void openTemplateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New ladder from template");
        dialog.setWidth("min(40rem, 95vw)");
        List<LadderTemplates.Template> templates = ladders.templates();
        var choice = new RadioButtonGroup<LadderTemplates.Template>();
        choice.setLabel("Template");
        choice.setItems(templates);
        choice.setRenderer(new ComponentRenderer<>(t -> {
            var heading = new H3(t.name());
            heading.addClassName("template-name");
            var description = new Paragraph(t.description());
            description.addClassNames("muted", "template-description");
            var size = Badges.badge(t.levels() + " levels · " + t.competencies() + " competencies", "primary");
            var box = new Div(heading, size, description);
            box.addClassName("template-option");
            return box;
        }));
        choice.addClassName("template-choice");
        var name = new TextField("Name of the new ladder");
        name.setId("template-name");
        name.setWidthFull();
        name.setMaxLength(200);
        choice.addValueChangeListener(e -> {
            if (e.getValue() != null
                    && (name.isEmpty()
                            || templates.stream().anyMatch(t -> t.name().equals(name.getValue())))) {
                name.setValue(suggestName(e.getValue().name()));
            }
        });
        if (!templates.isEmpty()) {
            choice.setValue(templates.getFirst());
        }
        var hint = new Paragraph("The template is adopted as published version 1. Edit it afterwards to fit your "
                + "organization; every change goes into a draft first.");
        hint.addClassName("muted");
        dialog.add(choice, name, hint);
        var adopt = new Button("Adopt template", e -> {
            if (choice.getValue() == null) {
                Toasts.error("Choose a template.");
                return;
            }
            Long[] ladderId = new Long[1];
            if (Toasts.attempt(() ->
                    ladderId[0] = lifecycle.createFromTemplate(choice.getValue().id(), name.getValue()))) {
                dialog.close();
                Toasts.success("Adopted \"" + choice.getValue().name() + "\" as version 1.");
                navigateToEditor(ladderId[0]);
            }
        });
        adopt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        adopt.setId("adopt-template");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), adopt);
        dialog.open();
    }

    /** The template's name, or "Name (2)" and so on when a ladder of that name exists. */
    private String suggestName(String base) {
        if (ladders.isNameFree(base)) {
            return base;
        }
        for (int n = 2; n < 100; n++) {
            var candidate = base + " (" + n + ")";
            if (ladders.isNameFree(candidate)) {
                return candidate;
            }
        }
        return base;
    }

    void openImportDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Import a ladder file");
        dialog.setWidth("min(40rem, 95vw)");
        var problems = new Div();
        problems.addClassName("import-problems");
        var name = new TextField("Name of the new ladder");
        name.setId("import-name");
        name.setWidthFull();
        name.setMaxLength(200);
        name.setHelperText("Required for CSV sheets, which carry no name; for YAML it replaces the file's name.");
        var format = new ImportFormatField(files);
        var importButton = new Button("Import as draft");
        importButton.setEnabled(false);
        var upload = new LadderFileUpload((fileName, bytes) -> {
            problems.removeAll();
            importButton.setEnabled(bytes != null);
            format.detected(fileName, bytes);
            if (fileName != null && fileName.toLowerCase().endsWith(".csv") && name.isEmpty()) {
                name.setValue(fileName.replaceFirst("(?i)\\.csv$", "")
                        .replace('-', ' ')
                        .replace('_', ' '));
            }
        });
        var hint = new Paragraph("Upload ladder-as-code YAML (schema rungs.ladder/v1), a flat CSV with the columns "
                + "tier, level, area, competency, specialization, expectation, examples (comma, semicolon or tab; "
                + "blank cells below a tier, level, area or competency repeat it), an FT engineering-progression job "
                + "family, or a criterion-per-row sheet. The file becomes draft version 1 of a new ladder; nothing is "
                + "imported if the file has any problem, and every problem is listed with its row.");
        hint.addClassName("muted");
        dialog.add(hint, upload, format, name, problems);
        importButton.addClickListener(e -> {
            problems.removeAll();
            try {
                var versionId =
                        files.importNewLadder(upload.fileName(), upload.bytes(), name.getValue(), format.getValue());
                dialog.close();
                Toasts.success("Imported " + upload.fileName() + " as a new draft ladder.");
                navigateToEditor(ladders.content(versionId).version().ladderId());
            } catch (ImportException ex) {
                ImportFormatField.showProblems(problems, ex.problems());
            } catch (app.rungs.shared.service.ValidationException ex) {
                problems.add(EmptyState.problems(ex.problems()));
            }
        });
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setId("import-submit");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), importButton);
        dialog.open();
    }

    void openRenameDialog(LadderSummary l) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + l.name());
        dialog.setWidth("min(32rem, 95vw)");
        var name = new TextField("Name", l.name(), "");
        name.setId("rename-name");
        name.setWidthFull();
        name.setMaxLength(200);
        var description = new TextArea("Description");
        description.setValue(l.description() == null ? "" : l.description());
        description.setWidthFull();
        dialog.add(name, description);
        var save = new Button("Save", e -> {
            if (Toasts.attempt(
                    () -> lifecycle.rename(l.id(), l.version(), name.getValue(), description.getValue()),
                    conflict -> grid.getDataProvider().refreshAll())) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                Toasts.success("Renamed to " + name.getValue().strip() + ".");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("rename-save");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    void confirmRetire(LadderSummary l) {
        var confirm = new ConfirmDialog();
        confirm.setHeader("Retire " + l.name() + "?");
        confirm.setText("A retired ladder disappears from the ladder pages and takes no new drafts; its versions stay "
                + "in the history. A ladder can only be retired when nobody holds one of its levels.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Retire");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            if (Toasts.attempt(() -> lifecycle.retire(l.id()))) {
                Toasts.success(l.name() + " is retired.");
            }
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }
}
