package app.rungs.evidence.ui;

import static app.rungs.evidence.ui.EvidenceDetailsSections.markdown;
import static app.rungs.evidence.ui.EvidenceDetailsSections.section;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.AttachmentDownload;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.ladder.service.LadderContent;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * One evidence item read in full: content, type fields, attachments, the review conversation and earlier revisions,
 * with the actions the signed-in user may take (edit and submit for the owner, acknowledge and return for a
 * manager).
 */
@StyleSheet(EvidenceRenderers.STYLESHEET)
public class EvidenceDetailsDialog extends Dialog {

    private final EvidenceServices evidence;
    private final LadderContent ladder;
    private final Long id;
    private final Runnable onChanged;
    private final Consumer<EvidenceDetails> onEdit;
    private final Div body = new Div();
    private EvidenceDetails item;

    /**
     * @param ladder the owner's ladder, for competency and level names
     * @param onChanged called after a change made here (submit, review, comment, delete)
     * @param onEdit called with the item when the owner chooses to edit it; null hides the edit action
     */
    public EvidenceDetailsDialog(
            EvidenceServices evidence,
            LadderContent ladder,
            Long id,
            Runnable onChanged,
            Consumer<EvidenceDetails> onEdit) {
        this.evidence = evidence;
        this.ladder = ladder;
        this.id = id;
        this.onChanged = onChanged;
        this.onEdit = onEdit;
        setId("evidence-details");
        addClassName("evidence-dialog");
        setWidth("min(920px, 96vw)");
        setMaxHeight("92vh");
        body.addClassName("evidence-details");
        add(body);
        reload();
    }

    private void reload() {
        item = evidence.reading().details(id);
        body.removeAll();
        getHeader().removeAll();
        getFooter().removeAll();
        setHeaderTitle(null);
        getHeader().add(header());
        body.add(EvidenceDetailsSections.reviewBanner(item), EvidenceDetailsSections.meta(item, ladder));
        body.add(section("What happened", markdown(item.description(), "No description.")));
        body.add(section("Impact", EvidenceDetailsSections.plain(item.impact(), "No impact statement yet.")));
        var fields = EvidenceDetailsSections.fields(item);
        if (fields != null) {
            body.add(section(item.type().label(), fields));
        }
        if (!item.links().isEmpty()) {
            body.add(section("Links", EvidenceDetailsSections.links(item)));
        }
        body.add(section("Attachments", attachments()));
        body.add(section("Conversation", conversation()));
        if (!item.revisions().isEmpty()) {
            body.add(EvidenceDetailsSections.history(item));
        }
        actions();
    }

    private Component header() {
        var title = new H2(item.title());
        title.addClassName("evidence-dialog-title");
        var badges = new Div(EvidenceRenderers.statusBadge(item.status()));
        if (item.revision() > 1) {
            badges.add(Badges.badge("Revision " + item.revision(), null));
        }
        if (item.source() != null) {
            badges.add(EvidenceRenderers.sourceBadge(item.source()));
        }
        badges.addClassName("evidence-dialog-badges");
        var head = new Div(EvidenceRenderers.icon(item.type()), new Div(title, badges));
        head.addClassName("evidence-dialog-header");
        var close = new Button(VaadinIcon.CLOSE.create(), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close");
        var wrapper = new Div(head, close);
        wrapper.addClassName("evidence-dialog-head");
        return wrapper;
    }

    private Component attachments() {
        var list = new Div();
        list.addClassName("attachment-list");
        if (item.attachments().isEmpty()) {
            var none = Badges.muted("No attachments.");
            list.add(none);
            return list;
        }
        for (var a : item.attachments()) {
            var link = new Anchor(download(evidence, a.id()), a.fileName());
            link.setId("attachment-" + a.id());
            var size = Badges.muted(EvidenceRenderers.size(a.sizeBytes()) + " · " + a.mediaType());
            var row = new Div(VaadinIcon.PAPERCLIP.create(), link, size);
            row.addClassName("attachment-row");
            list.add(row);
        }
        return list;
    }

    /**
     * Serves an attachment through the secured service at request time: the URL only exists in this session, and
     * even there a user who may no longer see the item is refused.
     */
    static DownloadHandler download(EvidenceServices evidence, Long attachmentId) {
        return event -> {
            AttachmentDownload file;
            try {
                file = evidence.reading().download(attachmentId);
            } catch (NotFoundException | AccessDeniedException e) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName(file.fileName());
            event.setContentType(
                    file.mediaType().startsWith("text/") ? file.mediaType() + "; charset=utf-8" : file.mediaType());
            event.setContentLength(file.content().length);
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            try (var out = event.getOutputStream()) {
                out.write(file.content());
            }
        };
    }

    private Component conversation() {
        var thread = new Div();
        thread.addClassName("thread");
        for (var c : item.comments()) {
            thread.add(EvidenceDetailsSections.threadEntry(c));
        }
        if (item.comments().isEmpty()) {
            var none = Badges.muted("No comments yet.");
            thread.add(none);
        }
        if (item.may().comment()) {
            var text = new TextArea();
            text.setId("evidence-comment");
            text.setPlaceholder("Ask a question or add context…");
            text.setWidthFull();
            text.setMaxLength(4000);
            var send = new Button("Comment", VaadinIcon.COMMENT_O.create(), e -> {
                if (run(() -> evidence.review().comment(id, text.getValue()))) {
                    reload();
                }
            });
            send.setId("evidence-comment-send");
            var form = new Div(text, send);
            form.addClassName("comment-form");
            thread.add(form);
        }
        return thread;
    }

    private void actions() {
        var may = item.may();
        if (may.delete()) {
            var delete = new Button("Delete draft", VaadinIcon.TRASH.create(), e -> confirmDelete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.setId("evidence-delete");
            getFooter().add(delete);
        }
        var spacer = new Span();
        spacer.addClassName("footer-spacer");
        getFooter().add(spacer);
        var close = new Button("Close", e -> close());
        close.setId("evidence-details-close");
        getFooter().add(close);
        if (may.edit() && onEdit != null) {
            var edit = new Button(
                    item.status() == EvidenceStatus.ACKNOWLEDGED ? "Edit (new revision)" : "Edit",
                    VaadinIcon.EDIT.create(),
                    e -> {
                        close();
                        onEdit.accept(item);
                    });
            edit.setId("evidence-edit");
            getFooter().add(edit);
        }
        if (may.submit()) {
            var submit = new Button(
                    item.status() == EvidenceStatus.RETURNED ? "Resubmit" : "Submit for review",
                    VaadinIcon.PAPERPLANE.create(),
                    e -> {
                        if (run(() -> evidence.authoring().submit(id, item.version()))) {
                            Toasts.success("Submitted \"" + item.title() + "\" for review.");
                            changed();
                        }
                    });
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("evidence-submit");
            getFooter().add(submit);
        }
        if (may.review()) {
            var back = new Button("Return…", VaadinIcon.ARROW_BACKWARD.create(), e -> returnForm());
            back.setId("evidence-return");
            var ack = new Button("Acknowledge", VaadinIcon.CHECK.create(), e -> {
                if (run(() -> evidence.review().acknowledge(id, item.version(), null))) {
                    Toasts.success("Acknowledged \"" + item.title() + "\".");
                    changed();
                }
            });
            ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            ack.setId("evidence-acknowledge");
            getFooter().add(back, ack);
        }
    }

    private void returnForm() {
        var comment = new TextArea("What is missing or should change?");
        comment.setId("evidence-return-comment");
        comment.setRequired(true);
        comment.setWidthFull();
        comment.setMaxLength(4000);
        comment.setPlaceholder("For example: link the postmortem document and say which action items you owned.");
        var confirm = new Button("Return to " + item.ownerName().split(" ")[0], VaadinIcon.ARROW_BACKWARD.create());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("evidence-return-confirm");
        var cancel = new Button("Cancel");
        var form = new Div(comment, new Div(cancel, confirm));
        form.addClassName("return-form");
        confirm.addClickListener(e -> {
            if (comment.getValue().isBlank()) {
                comment.setInvalid(true);
                comment.setErrorMessage("A comment is required when returning evidence.");
                return;
            }
            if (run(() -> evidence.review().returnForChanges(id, item.version(), comment.getValue()))) {
                Toasts.success("Returned \"" + item.title() + "\" with your comment.");
                changed();
            }
        });
        cancel.addClickListener(e -> form.removeFromParent());
        body.addComponentAsFirst(form);
        comment.focus();
    }

    private void confirmDelete() {
        var confirm = new Dialog();
        confirm.setHeaderTitle("Delete this draft?");
        confirm.add(new Paragraph("\"" + item.title() + "\" and its attachments will be deleted."));
        var cancel = new Button("Cancel", e -> confirm.close());
        var delete = new Button("Delete", e -> {
            confirm.close();
            if (run(() -> evidence.authoring().deleteDraft(id, item.version()))) {
                Toasts.success("Deleted \"" + item.title() + "\".");
                close();
                onChanged.run();
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        delete.setId("evidence-delete-confirm");
        confirm.getFooter().add(cancel, delete);
        confirm.open();
    }

    private void changed() {
        onChanged.run();
        reload();
    }

    /** Runs a change; a refusal is shown and false returned, so the dialog stays as it was. */
    private boolean run(Runnable change) {
        try {
            change.run();
            return true;
        } catch (ValidationException e) {
            Toasts.error(String.join(" ", e.problems()));
        } catch (ConcurrentEditException e) {
            Toasts.error(e.getMessage());
            onChanged.run();
            reload();
        } catch (NotFoundException | AccessDeniedException e) {
            Toasts.error(e instanceof NotFoundException ? e.getMessage() : "You don't have permission to do that.");
        }
        return false;
    }

    /** The item as last loaded, for tests. */
    EvidenceDetails item() {
        return item;
    }
}
