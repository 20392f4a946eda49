package app.rungs.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for unknown addresses and for pages the user may not open: both look the same, so that ids of objects
 * outside one's view are not confirmed.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found")
@PermitAll
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassNames("page", "not-found");
        var title = new H1("Page not found");
        title.addClassName("page-title");
        add(
                title,
                new Paragraph("The page you asked for does not exist, or you don't have access to it."),
                new Anchor("", "Back to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
