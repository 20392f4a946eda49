package app.rungs.people.ui;

import app.rungs.people.service.ImportPreview;
import app.rungs.people.service.ImportProgress;
import app.rungs.people.service.ImportResult;
import app.rungs.people.service.ImportRow;
import app.rungs.people.service.PeopleImportService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.LimitedUploadHandler;
import app.rungs.shared.ui.UploadLimit;
import app.rungs.shared.ui.UploadedFile;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Imports people from an HRIS export: upload a CSV, review the dry run (creates, updates and errors per row), then
 * apply it in one transaction. Both steps run in a background thread with the admin's security context and report
 * progress through server push.
 */
@Route("people/import")
@PageTitle("Import people")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet("styles/people.css")
public class PeopleImportView extends Div {

    static final int MAX_FILE_BYTES = PeopleImportService.MAX_FILE_BYTES;
    static final UploadLimit LIMIT = new UploadLimit(MAX_FILE_BYTES, "people files");

    /** Which rows the preview grid shows. */
    enum Show {
        ALL("All rows"),
        ERRORS("Errors"),
        CREATES("Creates"),
        UPDATES("Updates"),
        UNCHANGED("No change");

        final String label;

        Show(String label) {
            this.label = label;
        }

        boolean matches(ImportRow row) {
            return switch (this) {
                case ALL -> true;
                case ERRORS -> row.action() == ImportRow.Action.ERROR;
                case CREATES -> row.action() == ImportRow.Action.CREATE;
                case UPDATES -> row.action() == ImportRow.Action.UPDATE;
                case UNCHANGED -> row.action() == ImportRow.Action.UNCHANGED;
            };
        }
    }

    final Upload upload;
    final ProgressBar progressBar = new ProgressBar();
    final Span progressText = new Span();
    final Div progress = new Div(progressText, progressBar);
    /** The steps of the last run done so far, each with its row count and time, so a long run shows where it is. */
    final UnorderedList phases = new UnorderedList();

    final Div summary = new Div();
    final Div fileProblems = new Div();
    final Select<Show> show = new Select<>();
    final Grid<ImportRow> rows = new Grid<>();
    final Button apply = new Button("Apply import", VaadinIcon.CHECK.create());
    final Paragraph status = new Paragraph();
    final Div previewCard;

    private final PeopleImportService importer;
    /** The file being checked or imported, waiting on disk; deleted when replaced, imported or the view closes. */
    private UploadedFile content;

    private String fileName;
    ImportPreview preview;
    ImportResult result;
    private volatile boolean busy;

    public PeopleImportView(PeopleImportService importer) {
        this.importer = importer;
        addClassNames("page", "import-page");
        var title = new H1("Import people from an HRIS export");
        title.addClassName("page-title");

        upload = new Upload(new LimitedUploadHandler(LIMIT, this::received, this::refused));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.addFileRejectedListener(e -> {
            status.setText(e.getErrorMessage());
            Notification.show(e.getErrorMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        });

        var columns = new Paragraph();
        columns.addClassName("import-columns");
        columns.getElement()
                .setProperty(
                        "innerHTML",
                        "A CSV file with a header line and the columns <code>name</code>, <code>email</code>,"
                                + " <code>title</code>, <code>team</code>, <code>manager email</code>,"
                                + " <code>ladder</code>, <code>level key</code>, <code>start date</code>"
                                + " (YYYY-MM-DD) and <code>role</code> (ENGINEER, MANAGER or ADMIN).");
        var rules = new UnorderedList(
                new ListItem("People are matched by email: importing the same file again changes nothing."),
                new ListItem("Managers may appear later in the file; missing teams are created."),
                new ListItem("New people get an account with the given role and no password until you set one."),
                new ListItem("All or nothing: if any row has an error, nothing is imported."));
        rules.addClassName("asks");
        var sample = new Pre("""
                name,email,title,team,manager email,ladder,level key,start date,role
                Ada Byron,ada@example.com,Engineering Manager,Storage,,Distributed Systems Engineering,SPE-1,2019-04-01,MANAGER
                Alan Kay,alan@example.com,Engineer,Storage,ada@example.com,Distributed Systems Engineering,DSE-2,2022-09-12,ENGINEER""");
        // A scrolling sample must be reachable by keyboard to be read.
        sample.getElement().setAttribute("tabindex", "0");
        sample.addClassName("import-sample");
        progress.addClassName("import-progress");
        progress.setVisible(false);
        phases.addClassName("import-phases");
        phases.setVisible(false);
        var fileCard = new Card("1. Choose a file", columns, rules, upload, progress, phases, status);

        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> s.label);
        show.setValue(Show.ALL);
        show.setAriaLabel("Show");
        show.addValueChangeListener(e -> showRows());
        rows.addClassName("import-grid");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.addColumn(ImportRow::line).setHeader("Row").setWidth("4.5rem").setFlexGrow(0);
        rows.addColumn(new ComponentRenderer<>(PeopleImportView::actionBadge))
                .setHeader("Action")
                .setWidth("8rem")
                .setFlexGrow(0);
        rows.addColumn(ImportRow::email).setHeader("Email").setFlexGrow(2);
        rows.addColumn(ImportRow::name).setHeader("Name").setFlexGrow(1);
        rows.addColumn(new ComponentRenderer<>(PeopleImportView::details))
                .setHeader("Details")
                .setFlexGrow(3);
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> startApply());
        summary.addClassName("import-summary");
        var bar = new Div(show, spacer(), apply);
        bar.addClassName("toolbar");
        previewCard = new Card("2. Review the dry run, then apply", summary, fileProblems, bar, rows);
        previewCard.setVisible(false);
        // A view left while a step runs: the step has the file open, and the OS keeps it readable until it ends.
        addDetachListener(e -> discardFile());

        var steps = new Div(new Div(fileCard, new Card("Example", sample)), previewCard);
        steps.addClassName("import-steps");
        add(title, steps);
    }

    private static Div spacer() {
        var spacer = new Div();
        spacer.addClassName("spacer");
        return spacer;
    }

    void received(UploadedFile file) {
        if (busy) {
            file.discard();
            Notification.show("Wait until the current step finishes.");
            return;
        }
        discardFile();
        this.content = file;
        this.fileName = file.fileName();
        this.result = null;
        status.setText("");
        startPreview();
    }

    void refused(String message) {
        status.setText(message);
        Notification.show(message, 8000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void discardFile() {
        if (content != null) {
            content.discard();
            content = null;
        }
    }

    private void startPreview() {
        clearPhases();
        run("Checking " + fileName, progress -> importer.preview(content, fileName, progress), p -> {
            preview = p;
            renderPreview();
        });
    }

    void startApply() {
        // One step at a time: a second click (or a click racing the first) while a step runs does nothing.
        if (busy || preview == null || !preview.canApply() || content == null) {
            return;
        }
        clearPhases();
        run("Importing " + fileName, progress -> importer.apply(content, fileName, progress), r -> {
            result = r;
            var text = "Imported " + fileName + " in " + format(r.millis()) + " ms: " + r.created() + " created, "
                    + r.updated() + " updated, " + r.unchanged() + " unchanged, " + r.teamsCreated()
                    + " teams and " + r.accountsCreated() + " accounts created.";
            status.setText(text);
            Notification.show(text, 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            // Show what is left to do: the same file again now previews as unchanged; then the file is not needed.
            run("Checking " + fileName, progress -> importer.preview(content, fileName, progress), p -> {
                preview = p;
                renderPreview();
                discardFile();
                apply.setEnabled(false);
            });
        });
    }

    /** Runs one step in a background thread as the signed-in admin, pushing progress and the outcome. */
    private <T> void run(String what, java.util.function.Function<ImportProgress, T> work, Consumer<T> done) {
        var ui = UI.getCurrent();
        busy = true;
        apply.setEnabled(false);
        progress.setVisible(true);
        progressBar.setIndeterminate(true);
        progressBar.getElement().setAttribute("aria-label", "Import progress");
        progressText.setText(what + "…");
        ImportProgress listener = new ImportProgress() {
            private String lastStep;
            private long lastPush;

            @Override
            public void update(String step, int count, int total) {
                // At most four pushes a second, plus every change of step: a 100,000-row file reports often.
                long now = System.nanoTime();
                if (step.equals(lastStep) && now - lastPush < 250_000_000L && count < total) {
                    return;
                }
                lastStep = step;
                lastPush = now;
                ui.access(() -> showProgress(step, count, total));
            }
        };
        Supplier<T> task = () -> work.apply(listener);
        Runnable job = () -> {
            try {
                T value = task.get();
                ui.access(() -> {
                    endPhase();
                    busy = false;
                    progress.setVisible(false);
                    done.accept(value);
                });
            } catch (ValidationException e) {
                ui.access(() -> failed(String.join("\n", e.problems())));
            } catch (RuntimeException e) {
                ui.access(() -> failed("The import failed: " + e.getMessage()));
            }
        };
        Thread.ofVirtual()
                .name("people-import")
                .start(new DelegatingSecurityContextRunnable(job, SecurityContextHolder.getContext()));
    }

    private String phase;
    private int phaseCount;
    private int phaseTotal;
    private long phaseStarted;

    private void clearPhases() {
        phases.removeAll();
        phases.setVisible(false);
        phase = null;
    }

    /** Lists the step that just ended, with the rows it went through and how long it took. */
    private void endPhase() {
        if (phase == null) {
            return;
        }
        var seconds = (System.nanoTime() - phaseStarted) / 1_000_000 / 1000.0;
        var rows = phaseTotal > 1 ? format(phaseTotal) : phaseCount > 0 ? format(phaseCount) + " rows" : "";
        var item = new ListItem(phase + (rows.isEmpty() || phase.contains(rows) ? "" : ": " + rows) + " · "
                + String.format(Locale.ENGLISH, "%.1f s", seconds));
        phases.add(item);
        phases.setVisible(true);
        phase = null;
    }

    void showProgress(String step, int count, int total) {
        if (!step.equals(phase)) {
            endPhase();
            phase = step;
            phaseStarted = System.nanoTime();
        }
        phaseCount = Math.max(count, 0);
        phaseTotal = total;
        var counted = total > 1
                ? " (" + format(count) + " of " + format(total) + ")"
                : count > 0 ? " (" + format(count) + " rows)" : "";
        progressText.setText(step + counted + "…");
        progressBar.setIndeterminate(total <= 1);
        progressBar.setValue(total <= 1 ? 0 : Math.min(1.0, count / (double) total));
    }

    private void failed(String message) {
        endPhase();
        busy = false;
        progress.setVisible(false);
        status.setText(message);
        Notification.show(message, 8000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
        apply.setEnabled(preview != null && preview.canApply());
    }

    private void renderPreview() {
        previewCard.setVisible(true);
        summary.removeAll();
        summary.add(
                stat("to create", preview.creates(), null),
                stat("to update", preview.updates(), null),
                stat("unchanged", preview.unchanged(), null),
                stat("with errors", preview.errors(), preview.errors() > 0 ? "errors" : null),
                stat("new teams", preview.newTeams().size(), null));
        fileProblems.removeAll();
        if (!preview.fileProblems().isEmpty()) {
            var list = new UnorderedList();
            list.addClassName("import-problems");
            preview.fileProblems().forEach(p -> list.add(new ListItem(p)));
            fileProblems.add(list);
        } else if (preview.errors() > 0) {
            var p = new Paragraph("Fix the rows with errors and upload the file again: nothing is imported while any"
                    + " row has an error.");
            p.addClassName("import-problems");
            fileProblems.add(p);
        } else if (preview.creates() + preview.updates() == 0) {
            fileProblems.add(new Paragraph(
                    result != null
                            ? "Done. Importing this file again would change nothing."
                            : "Everyone in this file is already up to date: nothing to import."));
        } else if (!preview.newTeams().isEmpty()) {
            fileProblems.add(new Paragraph(
                    preview.newTeams().size() > 20
                            ? format(preview.newTeams().size()) + " new teams, among them "
                                    + String.join(", ", preview.newTeams().subList(0, 20)) + "."
                            : "New teams: " + String.join(", ", preview.newTeams()) + "."));
        }
        if (preview.listsSomeRows()) {
            var p = new Paragraph("The list shows " + format(preview.rows().size()) + " of the "
                    + format(preview.rowCount()) + " rows: "
                    + (preview.errors() > 0 ? "the rows with errors first, then " : "")
                    + "the first rows of the file. The counts above cover every row.");
            p.addClassName("import-listed");
            fileProblems.add(p);
        }
        int changes = preview.creates() + preview.updates();
        apply.setText(
                changes == 0 || preview.hasErrors()
                        ? "Apply import"
                        : "Apply " + format(changes) + (changes == 1 ? " change" : " changes"));
        apply.setEnabled(preview.canApply());
        show.setValue(preview.errors() > 0 ? Show.ERRORS : Show.ALL);
        showRows();
        status.setText(
                result == null
                        ? "Checked " + format(preview.rowCount()) + " rows of " + preview.fileName() + " in "
                                + format(preview.millis()) + " ms."
                        : status.getText());
    }

    private void showRows() {
        if (preview == null) {
            return;
        }
        var filter = show.getValue() == null ? Show.ALL : show.getValue();
        List<ImportRow> visible =
                preview.rows().stream().filter(filter::matches).toList();
        rows.setItems(visible);
    }

    private static Component stat(String label, long value, String className) {
        var stat = Card.stat(label, format(value));
        if (className != null) {
            stat.getChildren()
                    .findFirst()
                    .ifPresent(c -> c.getElement().getClassList().add(className));
        }
        return stat;
    }

    private static Component actionBadge(ImportRow row) {
        var badge = new Span(row.action().label());
        badge.addClassName("badge");
        switch (row.action()) {
            case CREATE -> badge.addClassName("success");
            case UPDATE -> badge.addClassName("primary");
            case ERROR -> badge.addClassName("error");
            case UNCHANGED -> {}
        }
        return badge;
    }

    private static Component details(ImportRow row) {
        var box = new Div();
        box.addClassName(row.errors().isEmpty() ? "import-row-changes" : "import-row-errors");
        var lines = row.errors().isEmpty() ? row.changes() : row.errors();
        if (lines.isEmpty() && row.action() == ImportRow.Action.CREATE) {
            box.add(new Div(new Span("New person")));
        }
        lines.forEach(line -> box.add(new Div(new Span(line))));
        return box;
    }

    private static String format(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }
}
