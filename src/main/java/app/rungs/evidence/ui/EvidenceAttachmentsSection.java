package app.rungs.evidence.ui;

import app.rungs.evidence.service.AttachmentTypes;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.LimitedUploadHandler;
import app.rungs.shared.ui.UploadLimit;
import app.rungs.shared.ui.UploadedFile;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The editor's attachments: the item's saved files (each removable) and new uploads, which wait on disk until the
 * item is saved and are deleted when saved, removed or when the editor closes.
 */
class EvidenceAttachmentsSection extends Div {

    static final UploadLimit ATTACHMENT_LIMIT = new UploadLimit(AttachmentTypes.MAX_BYTES, "attachments");

    private final EvidenceDetails existing;
    private final Consumer<List<String>> showProblems;
    private final Div attachmentList = new Div();
    private final List<UploadedFile> pending = new ArrayList<>();
    private final List<Long> removed = new ArrayList<>();

    /**
     * @param existing the item being edited, or null for a new one
     * @param showProblems shows why an upload was refused
     */
    EvidenceAttachmentsSection(EvidenceDetails existing, Consumer<List<String>> showProblems) {
        this.existing = existing;
        this.showProblems = showProblems;
        var upload = new Upload(
                new LimitedUploadHandler(ATTACHMENT_LIMIT, this::addPending, m -> showProblems.accept(List.of(m))));
        upload.setId("evidence-upload");
        upload.setAcceptedFileTypes(
                concat(AttachmentTypes.EXTENSIONS, "application/pdf", "image/png", "image/jpeg", "text/plain"));
        upload.setMaxFileSize((int) AttachmentTypes.MAX_BYTES);
        upload.setMaxFiles(10);
        upload.setDropLabel(new Span("PDF, PNG, JPEG, text or Markdown — up to 10 MB each"));
        upload.addFileRejectedListener(e -> showProblems.accept(List.of(e.getFileName() + ": " + e.getErrorMessage())));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        attachmentList.addClassName("attachment-list");
        add(attachmentList, upload);
        addDetachListener(e -> discardPending());
        renderAttachments();
    }

    /** Takes an uploaded file into the list to attach on save, or says why it is refused. */
    void addPending(UploadedFile file) {
        var problem = AttachmentTypes.problem(file.fileName(), file.size(), file);
        if (problem.isPresent()) {
            file.discard();
            showProblems.accept(List.of(problem.get()));
            return;
        }
        pending.add(file);
        renderAttachments();
    }

    List<UploadedFile> pendingFiles() {
        return List.copyOf(pending);
    }

    /** How many files were added and removed, for telling whether the form changed. */
    List<Integer> changeCounts() {
        return List.of(pending.size(), removed.size());
    }

    /** Removes and adds the files on the saved item; returns what failed, in words. */
    List<String> applyTo(EvidenceServices evidence, Long id) {
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
        return failed;
    }

    private void discardPending() {
        pending.forEach(UploadedFile::discard);
        pending.clear();
    }

    private void renderAttachments() {
        attachmentList.removeAll();
        if (existing != null) {
            for (var a : existing.attachments()) {
                if (!removed.contains(a.id())) {
                    attachmentList.add(attachmentRow(
                            a.fileName(), EvidenceRenderers.size(a.sizeBytes()), () -> removed.add(a.id())));
                }
            }
        }
        for (var p : pending) {
            attachmentList.add(attachmentRow(p.fileName(), EvidenceRenderers.size(p.size()) + " · new", () -> {
                pending.remove(p);
                p.discard();
            }));
        }
    }

    private Component attachmentRow(String name, String meta, Runnable onRemove) {
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            onRemove.run();
            renderAttachments();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + name);
        var row = new Div(VaadinIcon.PAPERCLIP.create(), new Span(name), Badges.muted(meta), remove);
        row.addClassName("attachment-row");
        return row;
    }

    private static String[] concat(String[] a, String... b) {
        var all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all.toArray(String[]::new);
    }
}
