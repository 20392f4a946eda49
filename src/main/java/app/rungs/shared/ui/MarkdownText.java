package app.rungs.shared.ui;

import app.rungs.shared.text.SafeMarkdown;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * User Markdown shown on a page (ladder expectations, evidence): always through {@link SafeMarkdown}, so a statement
 * can carry lists, line breaks and links but never markup of its own. The sanitized HTML is rebuilt as server-side
 * elements rather than sent as innerHTML, so only the safelisted tags and attributes can ever reach the browser and
 * the text is part of the component tree (searchable, testable).
 */
public class MarkdownText extends Div {

    public MarkdownText(String markdown) {
        addClassName("markdown");
        setMarkdown(markdown);
    }

    public final void setMarkdown(String markdown) {
        getElement().removeAllChildren();
        var html = SafeMarkdown.toHtml(markdown);
        if (html.isEmpty()) {
            return;
        }
        for (var node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            copy(node, getElement());
        }
    }

    /** True when there was nothing to show. */
    public boolean isBlank() {
        return getElement().getChildCount() == 0;
    }

    private static void copy(Node node, Element parent) {
        if (node instanceof TextNode text) {
            parent.appendChild(Element.createText(text.getWholeText()));
        } else if (node instanceof org.jsoup.nodes.Element source) {
            var target = new Element(source.tagName());
            source.attributes().forEach(a -> target.setAttribute(a.getKey(), a.getValue()));
            source.childNodes().forEach(child -> copy(child, target));
            parent.appendChild(target);
        }
    }
}
