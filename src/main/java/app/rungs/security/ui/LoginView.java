package app.rungs.security.ui;

import app.rungs.security.LastUsername;
import app.rungs.security.SsoSignInProblem;
import app.rungs.security.TotpSignIn;
import app.rungs.security.service.SsoProperties;
import app.rungs.security.service.SsoProviders;
import app.rungs.shared.db.DatabaseUnavailable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in page; the form posts to Spring Security's login processing URL. After a correct password for an account
 * with two-step sign-in, the same page asks for the authenticator code instead. With single sign-on configured it
 * offers "Sign in with …" per provider above the form, or instead of it when password sign-in is off (the form then
 * appears only at {@code /login?password}, the break-glass path for the initial admin).
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Rungs")
@AnonymousAllowed
@StyleSheet("styles/sso.css")
public class LoginView extends Div implements BeforeEnterObserver {

    private final TotpSignIn totpSignIn;
    private final SsoProviders providers;
    private final SsoProperties sso;
    private final Div providerButtons = new Div();
    private final Div divider = new Div(new Span("or"));
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final Div codeStep = new Div();
    private final TextField code = new TextField("Code from your authenticator app");
    private final Paragraph codeError = new Paragraph();

    public LoginView(TotpSignIn totpSignIn, SsoProviders providers, SsoProperties sso) {
        this.totpSignIn = totpSignIn;
        this.providers = providers;
        this.sso = sso;
        addClassName("login-page");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());

        var logo = new Image("images/rungs-logo.svg", "Rungs logo");
        logo.addClassName("login-logo");
        var brand = new Div(logo, new H1("Rungs"));
        brand.addClassName("login-brand");
        var tagline = new Paragraph("Career ladders, evidence and promotions for engineering organizations.");
        tagline.addClassName("login-tagline");
        notice.addClassName("login-notice");
        notice.setVisible(false);

        code.setPattern("[0-9 ]*");
        code.setMaxLength(7);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setWidthFull();
        code.addClassName("totp-code");
        codeError.addClassName("import-problems");
        codeError.setVisible(false);
        var verify = new Button("Verify", e -> verify());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.setWidthFull();
        codeStep.add(
                new H2("Two-step sign-in"),
                new Paragraph("Your password was right. Enter the 6-digit code your authenticator app shows now."),
                code,
                codeError,
                verify);
        codeStep.addClassName("login-code-step");
        codeStep.setVisible(false);

        providerButtons.addClassName("sso-providers");
        for (var provider : providers.all()) {
            // A plain link, not a router link: the browser must leave the app for Spring Security's redirect.
            var link = new Anchor(provider.signInPath(), "Sign in with " + provider.name());
            link.setRouterIgnore(true);
            link.addClassName("sso-button");
            link.getElement().setAttribute("data-registration", provider.registrationId());
            providerButtons.add(link);
        }
        providerButtons.setVisible(providers.any());
        divider.addClassName("sso-divider");
        divider.setVisible(providers.any() && sso.passwordLogin());
        form.setVisible(!providers.any() || sso.passwordLogin());

        var card = new Div(brand, tagline, notice, providerButtons, divider, form, codeStep);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        var databaseDown = params.getOrDefault("error", List.of()).contains("unavailable");
        var ssoOnly = params.getOrDefault("error", List.of()).contains("sso-only");
        var throttled =
                params.getOrDefault("throttled", List.of()).stream().findFirst().flatMap(LoginView::seconds);
        if (throttled.isPresent()) {
            // Same words whether or not the account exists: the throttle counts unknown names like real ones.
            var i18n = i18n();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage()
                    .setMessage("Sign-in is paused for this account or network. Try again in "
                            + waitText(throttled.get()) + ".");
            form.setI18n(i18n);
        }
        form.setError((params.containsKey("error") && !databaseDown && !ssoOnly) || throttled.isPresent());
        if (params.containsKey("error") || throttled.isPresent()) {
            keepUsername();
        }
        if (params.containsKey("password") || params.containsKey("error") || throttled.isPresent()) {
            // The break-glass path (and the answer to a password attempt made there) shows the form again.
            form.setVisible(true);
        }
        if (params.containsKey("code") && totpSignIn.isPending(VaadinServletRequest.getCurrent())) {
            form.setVisible(false);
            providerButtons.setVisible(false);
            divider.setVisible(false);
            codeStep.setVisible(true);
            code.focus();
        }
        var ssoProblem = params.containsKey("sso-error") ? ssoProblem() : null;
        if (databaseDown) {
            showNotice(DatabaseUnavailable.MESSAGE);
            notice.addClassName("login-notice-error");
        } else if (ssoProblem != null) {
            showNotice(ssoProblem);
            notice.addClassName("login-notice-error");
            notice.setId("sso-problem");
        } else if (ssoOnly) {
            showNotice("Password sign-in is turned off for this account. Sign in with your identity provider.");
            notice.addClassName("login-notice-error");
        } else if (params.containsKey("logout")) {
            showNotice("You have signed out.");
        } else if (params.containsKey("expired")) {
            showNotice("Your session has ended. Please sign in again.");
        }
    }

    private static String ssoProblem() {
        var request = VaadinServletRequest.getCurrent();
        return request == null
                ? null
                : SsoSignInProblem.take(request.getHttpServletRequest().getSession(false));
    }

    /** After a failed attempt the form shows the name that was typed, so only the password is typed again. */
    private void keepUsername() {
        var request = VaadinServletRequest.getCurrent();
        var username = request == null
                ? null
                : LastUsername.take(request.getHttpServletRequest().getSession(false));
        if (username == null) {
            return;
        }
        form.getElement().executeJs("""
                        const form = this;
                        const fill = () => {
                          const name = form.querySelector('vaadin-text-field[name="username"]');
                          if (!name) return false;
                          name.value = $0;
                          const password = form.querySelector('vaadin-password-field');
                          if (password) password.focus();
                          return true;
                        };
                        customElements.whenDefined('vaadin-login-form').then(() => {
                          if (!fill()) requestAnimationFrame(() => fill() || setTimeout(fill, 200));
                        });
                        """, username);
    }

    private static LoginI18n i18n() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username or email");
        i18n.getErrorMessage().setTitle("Wrong username or password");
        i18n.getErrorMessage().setMessage("Check your username and password and try again.");
        return i18n;
    }

    private void verify() {
        var outcome = totpSignIn.complete(
                VaadinServletRequest.getCurrent(), VaadinServletResponse.getCurrent(), code.getValue());
        switch (outcome) {
            case TotpSignIn.Outcome.SignedIn ignored ->
                getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
            case TotpSignIn.Outcome.WrongCode ignored ->
                showCodeError(
                        "That code is not right, or was already used." + " Wait for the next code and try again.");
            case TotpSignIn.Outcome.Throttled t ->
                showCodeError("Too many failed sign-ins. Try again in " + waitText(t.seconds()) + ".");
            case TotpSignIn.Outcome.Expired ignored ->
                getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        }
    }

    private void showCodeError(String text) {
        code.clear();
        codeError.setText(text);
        codeError.setVisible(true);
    }

    private static Optional<Long> seconds(String value) {
        try {
            long s = Long.parseLong(value);
            return s > 0 && s <= 86_400 ? Optional.of(s) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String waitText(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }
}
