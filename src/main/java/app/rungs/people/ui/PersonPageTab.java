package app.rungs.people.ui;

import app.rungs.people.service.PersonDetails;
import com.vaadin.flow.component.Component;

/**
 * Extension point of the person page: other features add a tab by declaring a Spring bean (e.g. a
 * {@code @Component}) implementing this interface, so the people feature never depends on them. The person page
 * collects every bean, keeps those visible for the person shown, and adds them after its built-in tabs in
 * {@link #order()}.
 *
 * <p>Beans are singletons: {@link #create} must build new components on every call and must call services (which
 * enforce their own access rules), never repositories.
 */
public interface PersonPageTab {

    /** The tab's caption. */
    String label();

    /** Position among the extension tabs; lower comes first. Built-in tabs always come before all of them. */
    int order();

    /** Whether the signed-in user gets this tab on this person's page. */
    boolean isVisibleFor(PersonDetails person);

    /** The tab's content, created when the page opens. */
    Component create(PersonDetails person);
}
