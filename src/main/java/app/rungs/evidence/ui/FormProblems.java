package app.rungs.evidence.ui;

import app.rungs.shared.ui.EmptyState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/** The box at the top of the evidence editor listing why the input was refused; hidden until there is something. */
class FormProblems extends Div {

    FormProblems(String id) {
        setId(id);
        addClassName("form-problems");
        setVisible(false);
    }

    void show(List<String> messages) {
        removeAll();
        var heading = new Span(messages.size() == 1 ? "Please fix this:" : "Please fix these:");
        heading.addClassName("form-problems-title");
        add(VaadinIcon.WARNING.create(), new Div(heading, EmptyState.problems(messages)));
        setVisible(true);
        getElement().callJsFunction("scrollIntoView");
    }

    /** The problems shown, for tests. */
    List<String> shown() {
        return getChildren()
                .filter(c -> c instanceof Div)
                .flatMap(Component::getChildren)
                .filter(c -> c instanceof UnorderedList)
                .flatMap(Component::getChildren)
                .map(c -> ((ListItem) c).getText())
                .toList();
    }
}
