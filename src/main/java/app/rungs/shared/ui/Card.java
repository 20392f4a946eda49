package app.rungs.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;

/** A titled panel used on overview pages. */
public class Card extends Div {

    public Card(String title, Component... content) {
        addClassName("rungs-card");
        if (title != null) {
            var heading = new H2(title);
            heading.addClassName("rungs-card-title");
            add(heading);
        }
        add(content);
    }

    /** A big number with a label, for headline counts. */
    public static Component stat(String label, Object value) {
        var number = new Span(
                value instanceof Long || value instanceof Integer
                        ? Formats.number(((Number) value).longValue())
                        : String.valueOf(value));
        number.addClassName("stat-value");
        var caption = new Span(label);
        caption.addClassName("stat-label");
        var stat = new Div(number, caption);
        stat.addClassName("stat");
        return stat;
    }
}
