package app.rungs.shared.ui;

import com.vaadin.flow.component.html.Span;

/**
 * Status chips. The variant is one of the classes styled in {@code rungs.css} ({@code primary}, {@code success},
 * {@code warning}, {@code error}, {@code contrast}), or blank for a neutral chip.
 */
public final class Badges {

    private Badges() {}

    public static Span badge(String text, String variant) {
        var badge = new Span(text);
        badge.addClassName("badge");
        if (variant != null && !variant.isBlank()) {
            badge.addClassName(variant);
        }
        return badge;
    }

    /** Secondary text next to something more important. */
    public static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("muted");
        return span;
    }
}
