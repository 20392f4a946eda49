package app.rungs.security.ui;

import app.rungs.security.service.TotpEnrolment;
import app.rungs.security.service.TotpService;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Toasts;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/**
 * Turns two-step sign-in (TOTP) on or off for the signed-in admin. Enrolment shows the otpauth:// URI as a QR code and
 * the secret as text, and takes effect only once a first code from the app matches.
 */
public class TotpDialog extends Dialog {

    private final TotpService totp;
    private final Paragraph error = new Paragraph();

    public TotpDialog(TotpService totp) {
        this.totp = totp;
        setHeaderTitle("Two-step sign-in");
        addClassName("totp-dialog");
        setWidth("28rem");
        error.addClassName("import-problems");
        error.setVisible(false);
        if (totp.isEnabledForMe()) {
            showDisable();
        } else {
            showEnrolment(totp.newEnrolment());
        }
    }

    private void showEnrolment(TotpEnrolment enrolment) {
        var qr = new Html(qrSvg(enrolment.otpauthUri()));
        var secret = new Span(group(enrolment.secret()));
        secret.addClassName("totp-secret");
        var code = new TextField("First code from the app");
        code.setMaxLength(7);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setWidthFull();
        add(
                new Paragraph("Scan this code with an authenticator app (for example FreeOTP, Aegis or Google"
                        + " Authenticator). From then on, signing in asks for the app's 6-digit code after your"
                        + " password."),
                new Div(qr),
                new Paragraph("Cannot scan? Enter this key by hand:"),
                secret,
                code,
                error);
        var confirm = new Button("Turn on", e -> {
            try {
                totp.enable(enrolment.secret(), code.getValue());
                Toasts.success("Two-step sign-in is on.");
                close();
            } catch (ValidationException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    private void showDisable() {
        var password = new PasswordField("Current password");
        password.setWidthFull();
        add(new Paragraph("Two-step sign-in is on for your account."), password, error);
        var off = new Button("Turn off", e -> {
            try {
                totp.disable(password.getValue());
                Toasts.success("Two-step sign-in is off.");
                close();
            } catch (ValidationException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        off.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Cancel", e -> close()), off);
    }

    private static String group(String secret) {
        return secret.replaceAll("(.{4})(?=.)", "$1 ");
    }

    /** The QR code as an inline SVG of black modules: no image library and no AWT needed. */
    static String qrSvg(String content) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            // Pixel coordinates (4 px per module), no viewBox: Vaadin's Html lower-cases attribute names, and SVG
            // ignores a "viewbox".
            int k = 4;
            var path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x * k).append(' ').append(y * k);
                        path.append('h')
                                .append(k)
                                .append('v')
                                .append(k)
                                .append("h-")
                                .append(k)
                                .append('z');
                    }
                }
            }
            int width = matrix.getWidth() * k;
            int height = matrix.getHeight() * k;
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"totp-qr\" width=\"" + width + "\" height=\""
                    + height + "\" style=\"display:block\" role=\"img\""
                    + " aria-label=\"QR code for the authenticator app\" shape-rendering=\"crispEdges\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
                    + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }
}
