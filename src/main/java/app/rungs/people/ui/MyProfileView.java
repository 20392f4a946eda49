package app.rungs.people.ui;

import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

/** "My profile": forwards to the signed-in engineer's own person page. */
@Route("profile")
@PageTitle("My profile")
@Menu(order = 5, icon = "vaadin:user-card", title = "My profile")
@RolesAllowed(AppRoles.ENGINEER)
public class MyProfileView extends Div implements BeforeEnterObserver {

    public MyProfileView() {
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var me = CurrentUser.require().personId();
        if (me != null) {
            event.forwardTo(PersonView.class, new RouteParameters("id", String.valueOf(me)));
            return;
        }
        removeAll();
        add(new Card(
                "No profile yet",
                new Paragraph("Your account is not linked to a person record. Ask an admin to link it.")));
    }
}
