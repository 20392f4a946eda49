package app.rungs.promotion.ui;

import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.service.CaseDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** The steps the user may take on the case now, each behind its dialog, and the packet exports. */
final class CaseActionBar {

    private final CaseContext ctx;
    private final CaseDetails details;

    CaseActionBar(CaseContext ctx) {
        this.ctx = ctx;
        this.details = ctx.details();
    }

    Component actionBar() {
        var bar = new Div();
        bar.addClassName("case-actions");
        var id = details.id();
        var v = details.version();
        if (details.can(CaseAction.ACCEPT)) {
            bar.add(CaseButtons.primary(
                    "Accept nomination",
                    e -> dialog(
                            "Accept the nomination",
                            "The case becomes a draft you complete and submit.",
                            "Note (optional)",
                            "Accept",
                            false,
                            note -> {
                                ctx.promotions().accept(id, v, note);
                                ctx.done("Nomination accepted");
                            })));
        }
        if (details.can(CaseAction.DECLINE)) {
            bar.add(new Button(
                    "Decline",
                    e -> dialog(
                            "Decline the nomination",
                            details.engineerName() + " reads your reason.",
                            "Reason",
                            "Decline",
                            true,
                            reason -> {
                                ctx.promotions().decline(id, v, reason);
                                ctx.done("Nomination declined");
                            })));
        }
        if (details.can(CaseAction.SUBMIT)) {
            bar.add(CaseButtons.primary("Submit", e -> {
                ctx.promotions().submit(id, v, null);
                ctx.done("Case submitted");
            }));
        }
        if (details.can(CaseAction.START_CALIBRATION)) {
            bar.add(CaseButtons.primary("Move to calibration", e -> {
                ctx.promotions().startCalibration(id, v, null);
                ctx.done("Case moved to calibration; its packet is frozen");
            }));
        }
        if (details.can(CaseAction.APPROVE)) {
            bar.add(CaseButtons.success("Approve", e -> new ApproveDialog(ctx).open()));
        }
        if (details.can(CaseAction.NOT_YET)) {
            bar.add(new Button(
                    "Not yet",
                    e -> dialog(
                            "Decide \"not yet\"",
                            "Write the feedback " + details.engineerName()
                                    + " will read: what is missing, and what would" + " make the case next time.",
                            "Feedback",
                            "Decide not yet",
                            true,
                            feedback -> {
                                ctx.promotions().notYet(id, v, feedback);
                                ctx.done("Decision recorded");
                            })));
        }
        if (details.can(CaseAction.RETURN_TO_SUBMITTED) || details.can(CaseAction.RETURN_TO_DRAFT)) {
            bar.add(new Button("Return for changes", e -> new ReturnDialog(ctx).open()));
        }
        if (details.can(CaseAction.WITHDRAW)) {
            var withdraw = new Button(
                    "Withdraw",
                    e -> dialog(
                            "Withdraw the case",
                            "The case closes; a new one can be started later.",
                            "Note (optional)",
                            "Withdraw",
                            false,
                            note -> {
                                ctx.promotions().withdraw(id, v, note);
                                ctx.done("Case withdrawn");
                            }));
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(withdraw);
        }
        var spacer = new Span();
        spacer.addClassName("spacer");
        bar.add(
                spacer,
                export("PDF", "application/pdf", VaadinIcon.FILE_TEXT_O),
                export("Markdown", "text/markdown", VaadinIcon.FILE_CODE));
        return bar;
    }

    private Anchor export(String format, String mediaType, VaadinIcon icon) {
        var id = details.id();
        var fileName = details.exportFileName(format.equals("PDF") ? "pdf" : "md");
        var anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = format.equals("PDF")
                            ? ctx.packets().exportPdf(id)
                            : ctx.packets().exportMarkdown(id).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mediaType, bytes.length);
                }),
                AttachmentType.DOWNLOAD,
                "");
        var label = new Button("Export " + format, icon.create());
        label.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        label.setTabIndex(-1);
        anchor.add(label);
        anchor.addClassName("case-export");
        return anchor;
    }

    private static void dialog(
            String title,
            String intro,
            String label,
            String confirm,
            boolean required,
            java.util.function.Consumer<String> action) {
        new TextDialog(title, intro, label, confirm, required, null, action).open();
    }
}
