package app.rungs.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's built-in error page, which names the exception and its message: the user sees a reference id,
 * and only the log has the exception with that id.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Something went wrong")
@PermitAll
public class InternalErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    public InternalErrorView() {
        addClassNames("page", "not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Navigation to '{}' failed [ref {}]",
                event.getLocation().getPath().replaceAll("[^\\w/.-]", "?"),
                reference,
                parameter.getException());
        removeAll();
        var title = new H1("Something went wrong");
        title.addClassName("page-title");
        var message = new Paragraph(
                "This page could not be shown. If it happens again, contact your administrator with reference "
                        + reference + ".");
        message.addClassName("error-reference");
        add(title, message, new Anchor("", "Back to your home page"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
