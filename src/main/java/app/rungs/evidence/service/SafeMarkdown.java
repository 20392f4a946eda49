package app.rungs.evidence.service;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns user Markdown into HTML that is safe to put on a page: commonmark renders it with raw HTML escaped, then
 * jsoup keeps only formatting tags and http(s) links. Scripts, event handlers, {@code javascript:} and {@code data:}
 * URLs never survive.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFELIST = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr", "del")
            .removeProtocols("a", "href", "ftp", "mailto")
            .removeAttributes("blockquote", "cite")
            .removeAttributes("q", "cite")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeMarkdown() {}

    /** Safe HTML for the Markdown; empty for null or blank input. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        var rendered = RENDERER.render(PARSER.parse(markdown));
        return Jsoup.clean(rendered, "", SAFELIST, OUTPUT);
    }
}
