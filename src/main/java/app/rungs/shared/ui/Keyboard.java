package app.rungs.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keyboard access for things that open on a click but are not buttons or links: clickable cards and chips, and grid
 * rows that open a dialog or page. Every action must be reachable without a mouse.
 */
public final class Keyboard {

    private static final String ENTER_OR_SPACE = "event.key === 'Enter' || event.key === ' '";

    private Keyboard() {}

    /**
     * Makes a clickable element a button for the keyboard too: it takes focus, is announced as a button with the
     * given name, and Enter or Space runs the action (its click listener stays as it is).
     */
    public static void actsAsButton(Component component, String label, Runnable action) {
        var element = component.getElement();
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "button");
        if (label != null) {
            element.setAttribute("aria-label", label);
        }
        element.addEventListener("keydown", e -> action.run())
                .setFilter(ENTER_OR_SPACE)
                .preventDefault();
    }

    /**
     * Enter on a focused row opens it, as a click does. The grid's own keyboard navigation moves the focus between
     * rows; the row last focused is the one Enter opens.
     */
    public static <T> void openRowsOnEnter(Grid<T> grid, Consumer<T> open) {
        var focused = new AtomicReference<T>();
        grid.addCellFocusListener(e -> focused.set(e.getItem().orElse(null)));
        grid.getElement()
                .addEventListener("keydown", e -> {
                    var item = focused.get();
                    if (item != null) {
                        open.accept(item);
                    }
                })
                .setFilter("event.key === 'Enter' && event.target === element");
    }
}
