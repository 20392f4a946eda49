package app.rungs.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.virtuallist.VirtualList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.AopTestUtils;

/**
 * Opens screens without a browser the way a browser loads them: signed in as a user in a fresh Vaadin session, each
 * screen in a new UI (a page load, main layout included), then the first page of every visible grid and virtual list
 * on it, as the client asks for its viewport. Closed pickers are left closed: a browser fetches their items only when
 * opened (the pickers' searches are measured by the reporting-line tests).
 *
 * <p>Subclasses are the statement-count test ({@link EveryScreenStatementCountTest}) and the timing benchmark
 * (ScreensAtScaleBenchmarkTest); {@link Screens} lists what is walked.
 */
public abstract class ScreenWalk extends SpringBrowserlessTest {

    @Autowired
    protected UserDetailsService users;

    /** Starts a fresh Vaadin session signed in as {@code username}, or signed out for {@code null}. */
    protected void signIn(String username) {
        cleanVaadinEnvironment();
        var context = SecurityContextHolder.createEmptyContext();
        if (username == null) {
            context.setAuthentication(new AnonymousAuthenticationToken(
                    "walk", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        } else {
            var user = users.loadUserByUsername(username);
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        }
        SecurityContextHolder.setContext(context);
        initVaadinEnvironment();
    }

    /** Navigates to a location within the current UI, and shows the first page of its lists. */
    protected int navigateTo(String location) {
        UI.getCurrent().navigate(location);
        roundTrip();
        return showFirstPages();
    }

    /**
     * Loads the current location again as a browser's page load does: a new UI with its main layout and view, then
     * the first page of every visible list. Returns how many lists were fetched.
     */
    protected int reload() {
        UI.getCurrent().getPage().reload();
        roundTrip();
        return showFirstPages();
    }

    /** The view on screen, unwrapped from the method-security proxy some views are. */
    protected Object currentView() {
        return AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    /** Asserts the screen really opened (not the sign-in page, an error page or another screen). */
    protected void assertOn(Screens.Screen screen, String location) {
        assertThat(currentView().getClass())
                .as("%s opened %s as %s", screen.name(), location, screen.user())
                .isEqualTo(Screens.FORWARDS.getOrDefault(screen.view(), screen.view()));
    }

    /**
     * Sets the viewport of every visible grid and virtual list to its first page and lets the data communicators
     * fetch and render it (renderers and value providers included), as the client does after a page load. Lists
     * that appear by that (a grid in a row's details) get their first page too.
     */
    private int showFirstPages() {
        Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int pass = 0; pass < 3; pass++) {
            var fresh = new ArrayList<Component>();
            for (var component : visibleComponents()) {
                if ((component instanceof Grid<?> || component instanceof VirtualList<?>) && done.add(component)) {
                    fresh.add(component);
                }
            }
            if (fresh.isEmpty()) {
                break;
            }
            for (var list : fresh) {
                if (list instanceof Grid<?> grid) {
                    grid.getDataCommunicator().setViewportRange(0, grid.getPageSize());
                } else if (list instanceof VirtualList<?> virtual) {
                    virtual.getDataCommunicator()
                            .setViewportRange(0, virtual.getDataCommunicator().getPageSize());
                }
            }
            roundTrip();
        }
        return done.size();
    }

    private static List<Component> visibleComponents() {
        var found = new ArrayList<Component>();
        collect(UI.getCurrent(), found);
        return found;
    }

    private static void collect(Component component, List<Component> found) {
        // Text nodes have no visibility of their own (and no children).
        if (component.getElement().isTextNode() || !component.isVisible()) {
            return;
        }
        found.add(component);
        Stream<Component> children = component.getChildren();
        children.forEach(child -> collect(child, found));
    }
}
