package app.rungs.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** What a page or section shows when it has nothing yet, and what a form shows when its input was refused. */
public final class EmptyState {

    private EmptyState() {}

    /** A headline and a sentence on what to do next; an optional action (a button or link) goes below. */
    public static Div of(String headline, String hint, Component... actions) {
        var box = new Div();
        box.addClassName("empty-state");
        var title = new Span(headline);
        title.addClassName("empty-state-title");
        box.add(title);
        if (hint != null && !hint.isBlank()) {
            box.add(new Paragraph(hint));
        }
        box.add(actions);
        return box;
    }

    /** A list of problems, for dialogs that keep the user's input while they fix it. */
    public static Component problems(List<String> problems) {
        var list = new UnorderedList();
        list.addClassName("problem-list");
        problems.forEach(p -> list.add(new ListItem(p)));
        return list;
    }
}
