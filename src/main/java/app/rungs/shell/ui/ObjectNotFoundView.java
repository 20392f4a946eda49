package app.rungs.shell.ui;

import app.rungs.shared.service.NotFoundException;
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

/** Shown when a view asks a service for an object that does not exist or is not visible to the user. */
@ParentLayout(MainLayout.class)
@PageTitle("Not found")
@PermitAll
public class ObjectNotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    public ObjectNotFoundView() {
        addClassNames("page", "not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        var title = new H1("Not found");
        title.addClassName("page-title");
        add(
                title,
                new Paragraph(parameter.getException().getMessage()
                        + ". It may have been removed, or you don't have access to it."),
                new Anchor("", "Back to your home page"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
