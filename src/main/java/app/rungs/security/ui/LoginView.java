package app.rungs.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The sign-in page; the form posts to Spring Security's login processing URL. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Rungs")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView() {
        addClassName("login-page");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        var logo = new Image("images/rungs-logo.svg", "Rungs logo");
        logo.addClassName("login-logo");
        var brand = new Div(logo, new H1("Rungs"));
        brand.addClassName("login-brand");
        var tagline = new Paragraph("Career ladders, evidence and promotions for engineering organizations.");
        tagline.addClassName("login-tagline");
        notice.addClassName("login-notice");
        notice.setVisible(false);

        var card = new Div(brand, tagline, notice, form);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        var throttled = params.getOrDefault("throttled", java.util.List.of()).stream()
                .findFirst()
                .flatMap(LoginView::seconds);
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username or email");
        if (throttled.isPresent()) {
            // Same words whether or not the account exists: the throttle counts unknown names like real ones.
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage()
                    .setMessage("Sign-in is paused for this account or network. Try again in "
                            + waitText(throttled.get()) + ".");
        } else {
            i18n.getErrorMessage().setTitle("Wrong username or password");
            i18n.getErrorMessage().setMessage("Check your username and password and try again.");
        }
        form.setI18n(i18n);
        form.setError(params.containsKey("error") || throttled.isPresent());
        if (params.containsKey("logout")) {
            showNotice("You have signed out.");
        } else if (params.containsKey("expired")) {
            showNotice("Your session has ended. Please sign in again.");
        }
    }

    private static java.util.Optional<Long> seconds(String value) {
        try {
            long s = Long.parseLong(value);
            return s > 0 && s <= 86_400 ? java.util.Optional.of(s) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
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
