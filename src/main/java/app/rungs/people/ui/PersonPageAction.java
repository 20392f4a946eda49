package app.rungs.people.ui;

import app.rungs.people.service.PersonDetails;
import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * Extension point of the person page's admin action bar: another feature adds buttons (or a status badge) for a
 * person by declaring a Spring bean implementing this interface, so the people feature never depends on it.
 *
 * <p>Beans are singletons: {@link #actionsFor} must build new components on every call and call services only.
 */
public interface PersonPageAction {

    /** Components for this person's action bar, after the built-in ones; empty when there is nothing to offer. */
    List<Component> actionsFor(PersonDetails person, Runnable reload);

    /**
     * Whether this person's record is closed for good (e.g. their personal data was erased), so the page does not
     * offer to reactivate them.
     */
    default boolean closesRecord(PersonDetails person) {
        return false;
    }
}
