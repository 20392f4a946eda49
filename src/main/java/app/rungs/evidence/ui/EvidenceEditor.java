package app.rungs.evidence.ui;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.AttachmentTypes;
import app.rungs.evidence.service.EvidenceContext;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.evidence.service.EvidenceFields;
import app.rungs.evidence.service.EvidenceFields.Field;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.ladder.service.LadderContent;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.LimitedUploadHandler;
import app.rungs.shared.ui.UploadLimit;
import app.rungs.shared.ui.UploadedFile;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * Logs a new item or edits an existing one: the common fields, the fields of the chosen type, links and
 * attachments. Refusals of the service are shown at the top of the dialog, and nothing is lost from the form.
 */
@StyleSheet(EvidenceUi.STYLESHEET)
public class EvidenceEditor extends Dialog {

    private final EvidenceServices evidence;
    private final EvidenceContext context;
    private final EvidenceDetails existing;
    private final Consumer<Long> onSaved;

    final Select<EvidenceType> type = new Select<>();
    final TextField title = new TextField("Title");
    final DatePicker date = new DatePicker("Date");
    final Select<String> level = new Select<>();
    final MultiSelectComboBox<String> competencies = new MultiSelectComboBox<>("Competencies it supports");
    final TextArea description = new TextArea("What happened");
    final TextArea impact = new TextArea("Impact");
    final TextArea links = new TextArea("Links");
    final Div problems = new Div();
    private final FormLayout typeForm = new FormLayout();
    private final Div typeHint = new Div();
    private final Div preview = new Div();
    private final Div attachmentList = new Div();
    private final Map<String, Supplier<String>> readers = new LinkedHashMap<>();
    private final Map<String, Consumer<String>> writers = new HashMap<>();
    /** Type-specific values kept while switching types, so nothing typed is lost. */
    private final Map<String, String> remembered = new HashMap<>();

    /** Uploads waiting on disk until the item is saved; deleted when saved, removed or the dialog closes. */
    private final List<UploadedFile> pending = new ArrayList<>();

    private final List<Long> removed = new ArrayList<>();

    static final UploadLimit ATTACHMENT_LIMIT = new UploadLimit(AttachmentTypes.MAX_BYTES, "attachments");

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
        setId("evidence-editor");
        addClassName("evidence-dialog");
        setWidth("min(940px, 96vw)");
        setMaxHeight("94vh");
        setCloseOnOutsideClick(false);
        setHeaderTitle(existing == null ? "Log evidence" : "Edit evidence");
        if (existing != null) {
            getHeader().add(EvidenceUi.statusBadge(existing.status()));
        }

        problems.setId("evidence-problems");
        problems.addClassName("form-problems");
        problems.setVisible(false);

        var ladder = context.ladder();
        type.setLabel("Type");
        type.setId("evidence-type");
        type.setItems(EvidenceType.values());
        type.setItemLabelGenerator(EvidenceType::label);
        type.setRenderer(new ComponentRenderer<>(t -> {
            var row = new Div(EvidenceUi.icon(t), new Span(t.label()));
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
        level.setItemLabelGenerator(k -> EvidenceUi.levelLabel(ladder, k));
        level.setRequiredIndicatorVisible(true);
        competencies.setId("evidence-competencies");
        competencies.setItems(ladder.competencies().stream()
                .map(LadderContent.CompetencyView::key)
                .toList());
        competencies.setItemLabelGenerator(k -> EvidenceUi.competencyName(ladder, k));
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

        typeForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        typeForm.setId("evidence-type-fields");
        typeHint.addClassName("muted");
        type.addValueChangeListener(e -> rebuildTypeFields(e.getValue()));

        var previewToggle = new Button("Preview", VaadinIcon.EYE.create(), e -> togglePreview());
        previewToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        preview.addClassName("markdown-preview");
        preview.setVisible(false);

        var upload =
                new Upload(new LimitedUploadHandler(ATTACHMENT_LIMIT, this::addPending, m -> showProblems(List.of(m))));
        upload.setId("evidence-upload");
        upload.setAcceptedFileTypes(
                concat(AttachmentTypes.EXTENSIONS, "application/pdf", "image/png", "image/jpeg", "text/plain"));
        upload.setMaxFileSize((int) AttachmentTypes.MAX_BYTES);
        upload.setMaxFiles(10);
        upload.setDropLabel(new Span("PDF, PNG, JPEG, text or Markdown — up to 10 MB each"));
        upload.addFileRejectedListener(e -> showProblems(List.of(e.getFileName() + ": " + e.getErrorMessage())));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        attachmentList.addClassName("attachment-list");
        addDetachListener(e -> discardPending());

        add(
                problems,
                banner(),
                group("What", basics, competencies),
                group("Details", typeHint, typeForm),
                group("Story", description, previewToggle, preview, impact),
                group("Links and files", links, attachmentList, upload));

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
            rebuildTypeFields(null);
        }
        renderAttachments();
        footer();
        opened = formState();
        // Esc and the close button ask first too, when something was typed.
        addDialogCloseActionListener(e -> cancel());
    }

    /** What the form held when it opened, to tell whether Cancel would throw something away. */
    private List<Object> opened;

    private List<Object> formState() {
        var state = new ArrayList<Object>(List.of(
                String.valueOf(type.getValue()),
                title.getValue(),
                String.valueOf(date.getValue()),
                String.valueOf(level.getValue()),
                List.copyOf(competencies.getValue()),
                description.getValue(),
                impact.getValue(),
                links.getValue(),
                pending.size(),
                removed.size()));
        readers.forEach((key, reader) -> state.add(key + "=" + reader.get()));
        return state;
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
        var confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                "Discard your changes?",
                "What you typed in this form has not been saved and will be lost.",
                "Discard",
                e -> close());
        confirm.setCancelable(true);
        confirm.setCancelText("Keep editing");
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Component banner() {
        if (existing == null) {
            return new Span();
        }
        var banner = new Div();
        banner.addClassName("review-banner");
        switch (existing.status()) {
            case ACKNOWLEDGED -> {
                banner.addClassName("acknowledged");
                banner.add(
                        VaadinIcon.INFO_CIRCLE.create(),
                        new Span("Acknowledged by " + existing.reviewedBy() + ". Saving starts revision "
                                + (existing.revision() + 1)
                                + "; the acknowledged revision stays in the item's history. Until the new revision"
                                + " is acknowledged, it counts as " + "draft or submitted."));
            }
            case RETURNED -> {
                banner.addClassName("returned");
                banner.add(
                        VaadinIcon.ARROW_BACKWARD.create(),
                        new Div(
                                new Span(existing.reviewedBy() + " returned this:"),
                                new Paragraph(existing.reviewComment())));
            }
            case SUBMITTED -> {
                banner.addClassName("submitted");
                banner.add(
                        VaadinIcon.INBOX.create(),
                        new Span("Submitted for review: your manager sees your changes once you save them."));
            }
            default -> {
                return new Span();
            }
        }
        return banner;
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
        remembered.putAll(d.details());
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

    private void rebuildTypeFields(EvidenceType chosen) {
        readers.forEach((key, reader) -> {
            var value = reader.get();
            if (value == null) {
                remembered.remove(key);
            } else {
                remembered.put(key, value);
            }
        });
        readers.clear();
        writers.clear();
        typeForm.removeAll();
        if (chosen == null) {
            typeHint.setText("Choose a type to add its details: incident, venue and DOI, credential, …");
            typeHint.setVisible(true);
            return;
        }
        var fields = EvidenceFields.of(chosen);
        typeHint.setText(fields.isEmpty() ? "No extra details for this type." : "");
        typeHint.setVisible(fields.isEmpty());
        for (var field : fields) {
            var component = field(field);
            component.setId("evidence-field-" + field.key());
            typeForm.add(component);
            var value = remembered.get(field.key());
            if (value != null) {
                writers.get(field.key()).accept(value);
            }
        }
        if (chosen == EvidenceType.CERTIFICATION) {
            @SuppressWarnings("unchecked")
            var credential = (ComboBox<String>) typeForm.getChildren()
                    .filter(c -> c.getId().orElse("").equals("evidence-field-credential"))
                    .findFirst()
                    .orElseThrow();
            credential.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    EvidenceFields.issuerOf(e.getValue())
                            .ifPresent(issuer -> writers.get("issuer").accept(issuer));
                }
            });
        }
    }

    private Component field(Field field) {
        var label = field.label();
        switch (field.kind()) {
            case DATE -> {
                var picker = new DatePicker(label);
                picker.setRequired(field.required());
                readers.put(
                        field.key(),
                        () -> picker.getValue() == null
                                ? null
                                : picker.getValue().toString());
                writers.put(field.key(), v -> picker.setValue(parseDate(v)));
                return picker;
            }
            case CHOICE -> {
                var combo = new ComboBox<String>(label);
                combo.setItems(field.options().stream()
                        .map(EvidenceFields.Option::value)
                        .toList());
                combo.setItemLabelGenerator(v -> field.labelOf(v).orElse(v));
                combo.setRequired(field.required());
                combo.setClearButtonVisible(!field.required());
                readers.put(field.key(), combo::getValue);
                writers.put(field.key(), combo::setValue);
                return combo;
            }
            case SUGGESTION -> {
                var options = new ArrayList<>(field.options().stream()
                        .map(EvidenceFields.Option::value)
                        .toList());
                var combo = new ComboBox<String>(label);
                combo.setItems(options);
                combo.setAllowCustomValue(true);
                combo.setRequired(field.required());
                combo.setHelperText("Pick one or type another");
                combo.addCustomValueSetListener(e -> {
                    if (!options.contains(e.getDetail())) {
                        options.add(e.getDetail());
                        combo.setItems(options);
                    }
                    combo.setValue(e.getDetail());
                });
                readers.put(field.key(), combo::getValue);
                writers.put(field.key(), v -> {
                    if (!options.contains(v)) {
                        options.add(v);
                        combo.setItems(options);
                    }
                    combo.setValue(v);
                });
                return combo;
            }
            case BOOLEAN -> {
                var box = new Checkbox(label);
                box.addClassName("type-checkbox");
                readers.put(field.key(), () -> box.getValue() ? "true" : null);
                writers.put(field.key(), v -> box.setValue("true".equals(v)));
                return box;
            }
            case YEAR -> {
                var number = new IntegerField(label);
                number.setMin(1950);
                number.setMax(LocalDate.now().getYear() + 1);
                number.setRequired(field.required());
                number.setPlaceholder(String.valueOf(LocalDate.now().getYear()));
                readers.put(field.key(), () -> number.getValue() == null ? null : String.valueOf(number.getValue()));
                writers.put(field.key(), v -> {
                    try {
                        number.setValue(Integer.valueOf(v));
                    } catch (NumberFormatException e) {
                        number.clear();
                    }
                });
                return number;
            }
            default -> {
                var text = new TextField(label);
                text.setRequired(field.required());
                text.setMaxLength(field.kind() == EvidenceFields.Kind.URL ? 2000 : 300);
                if (field.placeholder() != null && !field.placeholder().isEmpty()) {
                    text.setPlaceholder(
                            field.kind() == EvidenceFields.Kind.TEXT
                                    ? "e.g. " + field.placeholder()
                                    : field.placeholder());
                }
                if (field.kind() == EvidenceFields.Kind.URL) {
                    text.setPrefixComponent(VaadinIcon.LINK.create());
                    text.setHelperText("http or https");
                }
                if (field.kind() == EvidenceFields.Kind.PATTERN) {
                    text.setHelperText("Format: " + field.hint());
                }
                readers.put(field.key(), () -> text.getValue().isBlank() ? null : text.getValue());
                writers.put(field.key(), text::setValue);
                return text;
            }
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void togglePreview() {
        preview.removeAll();
        preview.setVisible(!preview.isVisible());
        if (preview.isVisible()) {
            preview.add(EvidenceDetailsDialog.markdown(description.getValue(), "Nothing to preview yet."));
        }
    }

    /** Takes an uploaded file into the list to attach on save, or says why it is refused. */
    void addPending(UploadedFile file) {
        var problem = AttachmentTypes.problem(file.fileName(), file.size(), file);
        if (problem.isPresent()) {
            file.discard();
            showProblems(List.of(problem.get()));
            return;
        }
        pending.add(file);
        renderAttachments();
    }

    /** The files waiting to be attached, for tests. */
    List<UploadedFile> pendingFiles() {
        return List.copyOf(pending);
    }

    private void discardPending() {
        pending.forEach(UploadedFile::discard);
        pending.clear();
    }

    private void renderAttachments() {
        attachmentList.removeAll();
        if (existing != null) {
            for (var a : existing.attachments()) {
                if (removed.contains(a.id())) {
                    continue;
                }
                var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    removed.add(a.id());
                    renderAttachments();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel("Remove " + a.fileName());
                attachmentList.add(attachmentRow(a.fileName(), EvidenceUi.size(a.sizeBytes()), remove));
            }
        }
        for (var p : pending) {
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                pending.remove(p);
                p.discard();
                renderAttachments();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove " + p.fileName());
            attachmentList.add(attachmentRow(p.fileName(), EvidenceUi.size(p.size()) + " · new", remove));
        }
    }

    private static Component attachmentRow(String name, String meta, Button remove) {
        var size = new Span(meta);
        size.addClassName("muted");
        var row = new Div(VaadinIcon.PAPERCLIP.create(), new Span(name), size, remove);
        row.addClassName("attachment-row");
        return row;
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
        var details = new LinkedHashMap<String, String>();
        readers.forEach((key, reader) -> {
            var value = reader.get();
            if (value != null) {
                details.put(key, value);
            }
        });
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
                details);
    }

    /** Saves, then applies attachment changes. Refusals stay in the dialog with the form as it was. */
    void save(boolean submit) {
        Long id;
        try {
            if (existing == null) {
                id = evidence.authoring().create(input(), submit);
            } else {
                evidence.authoring().update(existing.id(), existing.version(), input(), submit);
                id = existing.id();
            }
        } catch (ValidationException e) {
            showProblems(e.problems());
            return;
        } catch (ConcurrentEditException | NotFoundException e) {
            showProblems(List.of(e.getMessage()));
            return;
        } catch (AccessDeniedException e) {
            showProblems(List.of("You don't have permission to change this evidence."));
            return;
        }
        var failed = new ArrayList<String>();
        for (var attachmentId : removed) {
            try {
                evidence.authoring().removeAttachment(attachmentId);
            } catch (ValidationException | NotFoundException e) {
                failed.add(e.getMessage());
            }
        }
        for (var p : pending) {
            try {
                evidence.authoring().addAttachment(id, p.fileName(), p.size(), p);
            } catch (ValidationException e) {
                failed.add(String.join(" ", e.problems()));
            }
        }
        discardPending();
        close();
        if (failed.isEmpty()) {
            var n = Notification.show(
                    submit ? "Saved and submitted \"" + title.getValue().strip() + "\"." : "Saved.",
                    3500,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            var n = Notification.show(
                    "Saved, but some attachments were not: " + String.join(" ", failed),
                    8000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        onSaved.accept(id);
    }

    private void showProblems(List<String> messages) {
        problems.removeAll();
        var heading = new Span(messages.size() == 1 ? "Please fix this:" : "Please fix these:");
        heading.addClassName("form-problems-title");
        var list = new UnorderedList();
        messages.forEach(m -> list.add(new ListItem(m)));
        problems.add(VaadinIcon.WARNING.create(), new Div(heading, list));
        problems.setVisible(true);
        problems.getElement().callJsFunction("scrollIntoView");
    }

    /** The problems shown, for tests. */
    List<String> shownProblems() {
        return problems.getChildren()
                .filter(c -> c instanceof Div)
                .flatMap(Component::getChildren)
                .filter(c -> c instanceof UnorderedList)
                .flatMap(Component::getChildren)
                .map(c -> ((ListItem) c).getText())
                .toList();
    }

    private static String[] concat(String[] a, String... b) {
        var all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all.toArray(String[]::new);
    }
}
