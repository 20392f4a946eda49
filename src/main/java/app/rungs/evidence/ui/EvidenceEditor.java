package app.rungs.evidence.ui;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceContext;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.ladder.service.LadderContent;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import app.rungs.shared.ui.UploadedFile;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Logs a new item or edits an existing one: the common fields, the fields of the chosen type
 * ({@link EvidenceTypeFieldsForm}), links and attachments ({@link EvidenceAttachmentsSection}). Refusals of the
 * service are shown at the top of the dialog, and nothing is lost from the form.
 */
@StyleSheet(EvidenceRenderers.STYLESHEET)
public class EvidenceEditor extends Dialog {

    private final EvidenceServices evidence;
    private final EvidenceContext context;
    private final EvidenceDetails existing;
    private final Consumer<Long> onSaved;

    final Select<EvidenceType> type = new Select<>();
    final TextField title = new TextField("Title");
    final DatePicker date = Formats.localize(new DatePicker("Date"));
    final Select<String> level = new Select<>();
    final MultiSelectComboBox<String> competencies = new MultiSelectComboBox<>("Competencies it supports");
    final TextArea description = new TextArea("What happened");
    final TextArea impact = new TextArea("Impact");
    final TextArea links = new TextArea("Links");
    final FormProblems problems = new FormProblems("evidence-problems");
    final EvidenceTypeFieldsForm typeFields = new EvidenceTypeFieldsForm();
    private final EvidenceAttachmentsSection attachments;
    private final Div preview = new Div();

    /**
     * @param existing the item to edit, or null to log a new one
     * @param competencyKey preselected competency for a new item (may be null or unknown, then ignored)
     * @param levelKey preselected level for a new item (null for the owner's next level)
     * @param onSaved called with the item's id after it was saved
     */
    public EvidenceEditor(
            EvidenceServices evidence,
            EvidenceContext context,
            EvidenceDetails existing,
            String competencyKey,
            String levelKey,
            Consumer<Long> onSaved) {
        this.evidence = evidence;
        this.context = context;
        this.existing = existing;
        this.onSaved = onSaved;
        this.attachments = new EvidenceAttachmentsSection(existing, problems::show);
        setId("evidence-editor");
        addClassName("evidence-dialog");
        setWidth("min(940px, 96vw)");
        setMaxHeight("94vh");
        setCloseOnOutsideClick(false);
        setHeaderTitle(existing == null ? "Log evidence" : "Edit evidence");
        if (existing != null) {
            getHeader().add(EvidenceRenderers.statusBadge(existing.status()));
        }

        var ladder = context.ladder();
        type.setLabel("Type");
        type.setId("evidence-type");
        type.setItems(EvidenceType.values());
        type.setItemLabelGenerator(EvidenceType::label);
        type.setRenderer(new ComponentRenderer<>(t -> {
            var row = new Div(EvidenceRenderers.icon(t), new Span(t.label()));
            row.addClassName("type-option");
            return row;
        }));
        type.setPlaceholder("Choose a type");
        type.setRequiredIndicatorVisible(true);
        title.setId("evidence-title");
        title.setRequired(true);
        title.setMaxLength(200);
        title.setPlaceholder("e.g. Postmortem: metadata quorum lost during rack partition");
        date.setId("evidence-date");
        date.setRequired(true);
        date.setMax(LocalDate.now());
        date.setHelperText("When the work happened or was completed");
        level.setLabel("Level it speaks to");
        level.setId("evidence-level");
        level.setItems(
                ladder.levels().stream().map(LadderContent.LevelView::key).toList());
        level.setItemLabelGenerator(k -> EvidenceRenderers.levelLabel(ladder, k));
        level.setRequiredIndicatorVisible(true);
        competencies.setId("evidence-competencies");
        competencies.setItems(ladder.competencies().stream()
                .map(LadderContent.CompetencyView::key)
                .toList());
        competencies.setItemLabelGenerator(k -> EvidenceRenderers.competencyName(ladder, k));
        competencies.setRenderer(new ComponentRenderer<>(k -> {
            var c = ladder.competency(k).orElseThrow();
            var name = new Span(c.name());
            var area = new Span(
                    ladder.area(c.areaKey()).map(LadderContent.AreaView::name).orElse(""));
            area.addClassName("muted");
            var row = new Div(name, area);
            row.addClassName("competency-option");
            return row;
        }));
        competencies.setRequiredIndicatorVisible(true);
        competencies.setHelperText(
                "One or more competencies of " + ladder.version().ladderName());
        competencies.setWidthFull();
        description.setId("evidence-description");
        description.setHelperText("Markdown: **bold**, lists, `code`, [links](https://…)");
        description.setMinHeight("8rem");
        description.setMaxLength(20_000);
        description.setWidthFull();
        impact.setId("evidence-impact");
        impact.setHelperText("What changed because of this work — needed to submit");
        impact.setMinHeight("4rem");
        impact.setMaxLength(20_000);
        impact.setWidthFull();
        links.setId("evidence-links");
        links.setHelperText("One http(s) link per line");
        links.setWidthFull();

        var basics = new FormLayout(type, title, date, level);
        basics.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        basics.setColspan(title, 1);
        type.addValueChangeListener(e -> typeFields.show(e.getValue()));

        var previewToggle = new Button("Preview", VaadinIcon.EYE.create(), e -> togglePreview());
        previewToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        preview.addClassName("markdown-preview");
        preview.setVisible(false);

        add(
                problems,
                EvidenceReviewBanner.of(existing),
                group("What", basics, competencies),
                group("Details", typeFields.hint(), typeFields),
                group("Story", description, previewToggle, preview, impact),
                group("Links and files", links, attachments));

        if (existing != null) {
            fill(existing);
        } else {
            date.setValue(LocalDate.now());
            var preLevel = levelKey != null && ladder.level(levelKey).isPresent()
                    ? levelKey
                    : context.nextLevelKey() != null ? context.nextLevelKey() : context.levelKey();
            level.setValue(preLevel);
            if (competencyKey != null && ladder.competency(competencyKey).isPresent()) {
                competencies.setValue(new LinkedHashSet<>(List.of(competencyKey)));
            }
            typeFields.show(null);
        }
        footer();
        opened = formState();
        // Esc and the close button ask first too, when something was typed.
        addDialogCloseActionListener(e -> cancel());
    }

    /** What the form held when it opened, to tell whether Cancel would throw something away. */
    private List<Object> opened;

    private List<Object> formState() {
        return List.of(
                String.valueOf(type.getValue()),
                title.getValue(),
                String.valueOf(date.getValue()),
                String.valueOf(level.getValue()),
                List.copyOf(competencies.getValue()),
                description.getValue(),
                impact.getValue(),
                links.getValue(),
                attachments.changeCounts(),
                typeFields.values());
    }

    boolean isDirty() {
        return opened != null && !opened.equals(formState());
    }

    /** Closes the editor, after asking when the form has changes that would be lost. */
    void cancel() {
        if (!isDirty()) {
            close();
            return;
        }
        Confirm.askDestructive(
                        "Discard your changes?",
                        "What you typed in this form has not been saved and will be lost.",
                        "Discard",
                        this::close)
                .setCancelText("Keep editing");
    }

    private static Component group(String caption, Component... content) {
        var heading = new H3(caption);
        heading.addClassName("editor-group-title");
        var group = new Div(heading);
        group.add(content);
        group.addClassName("editor-group");
        return group;
    }

    private void fill(EvidenceDetails d) {
        // Remembered first: setting the type builds its fields from the remembered values.
        typeFields.remember(d.details());
        type.setValue(d.type());
        title.setValue(d.title());
        date.setValue(d.occurredOn());
        level.setValue(d.levelKey());
        competencies.setValue(new LinkedHashSet<>(d.competencyKeys().stream()
                .filter(k -> context.ladder().competency(k).isPresent())
                .toList()));
        description.setValue(d.description() == null ? "" : d.description());
        impact.setValue(d.impact() == null ? "" : d.impact());
        links.setValue(String.join("\n", d.links()));
    }

    private void togglePreview() {
        preview.removeAll();
        preview.setVisible(!preview.isVisible());
        if (preview.isVisible()) {
            preview.add(EvidenceDetailsSections.markdown(description.getValue(), "Nothing to preview yet."));
        }
    }

    /** Takes an uploaded file into the list to attach on save, or says why it is refused. */
    void addPending(UploadedFile file) {
        attachments.addPending(file);
    }

    /** The files waiting to be attached, for tests. */
    List<UploadedFile> pendingFiles() {
        return attachments.pendingFiles();
    }

    private void footer() {
        var cancel = new Button("Cancel", e -> cancel());
        cancel.setId("evidence-cancel");
        var spacer = new Span();
        spacer.addClassName("footer-spacer");
        getFooter().add(cancel, spacer);
        var status = existing == null ? EvidenceStatus.DRAFT : existing.status();
        var draftLabel = switch (status) {
            case SUBMITTED -> "Save changes";
            case RETURNED -> "Save";
            case ACKNOWLEDGED -> "Save as draft";
            default -> "Save draft";
        };
        var draft = new Button(draftLabel, e -> save(false));
        draft.setId("evidence-save-draft");
        getFooter().add(draft);
        if (status != EvidenceStatus.SUBMITTED) {
            var submit = new Button(
                    status == EvidenceStatus.RETURNED ? "Save and resubmit" : "Save and submit",
                    VaadinIcon.PAPERPLANE.create(),
                    e -> save(true));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("evidence-save-submit");
            getFooter().add(submit);
        } else {
            draft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    EvidenceInput input() {
        return new EvidenceInput(
                type.getValue(),
                title.getValue(),
                date.getValue(),
                description.getValue(),
                impact.getValue(),
                level.getValue(),
                new ArrayList<>(competencies.getValue()),
                Arrays.stream(links.getValue().split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                typeFields.values());
    }

    /**
     * Saves, then applies attachment changes. A type-specific field with a problem is marked where it is and
     * nothing is sent; other refusals of the service stay in the dialog with the form as it was.
     */
    void save(boolean submit) {
        var fieldProblems = typeFields.validate();
        if (!fieldProblems.isEmpty()) {
            problems.show(fieldProblems);
            return;
        }
        Long id;
        try {
            if (existing == null) {
                id = evidence.authoring().create(input(), submit);
            } else {
                evidence.authoring().update(existing.id(), existing.version(), input(), submit);
                id = existing.id();
            }
        } catch (ValidationException e) {
            problems.show(e.problems());
            return;
        } catch (ConcurrentEditException | NotFoundException e) {
            problems.show(List.of(e.getMessage()));
            return;
        } catch (AccessDeniedException e) {
            problems.show(List.of("You don't have permission to change this evidence."));
            return;
        }
        var failed = attachments.applyTo(evidence, id);
        close();
        if (failed.isEmpty()) {
            Toasts.success(submit ? "Saved and submitted \"" + title.getValue().strip() + "\"." : "Saved.");
        } else {
            Toasts.warning("Saved, but some attachments were not: " + String.join(" ", failed));
        }
        onSaved.accept(id);
    }

    /** The problems shown, for tests. */
    List<String> shownProblems() {
        return problems.shown();
    }
}
