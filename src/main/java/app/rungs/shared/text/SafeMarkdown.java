package app.rungs.shared.text;

import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns user Markdown (evidence descriptions, ladder expectations) into HTML that is safe to put on a page:
 * commonmark renders it with raw HTML escaped, then jsoup keeps only formatting tags and http(s) links. Scripts,
 * event handlers, {@code javascript:} and {@code data:} URLs never survive. A single line break is kept as a line
 * break, because the people writing ladders type lists and short lines, not Markdown paragraphs.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();
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

    /**
     * The Markdown as plain lines for places that cannot show HTML (PDF, one-line previews): list items become
     * "• item", links "text (https://…)" when the URL is http(s), line breaks stay. Raw HTML stays literal text.
     */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        var out = new StringBuilder();
        PARSER.parse(markdown).accept(new PlainText(out));
        return out.toString().strip().replaceAll("\n{3,}", "\n\n");
    }

    /** Walks the parsed document and writes the visible text. */
    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder out;
        private int depth;

        PlainText(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            out.append(paragraph.getParent() instanceof ListItem ? "\n" : "\n\n");
        }

        @Override
        public void visit(BulletList list) {
            depth++;
            visitChildren(list);
            depth--;
            out.append('\n');
        }

        @Override
        public void visit(OrderedList list) {
            depth++;
            int n = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                out.append("  ".repeat(depth - 1)).append(n++).append(". ");
                visitChildren(item);
            }
            depth--;
            out.append('\n');
        }

        @Override
        public void visit(ListItem item) {
            out.append("  ".repeat(Math.max(0, depth - 1))).append("• ");
            visitChildren(item);
        }

        @Override
        public void visit(Link link) {
            int start = out.length();
            visitChildren(link);
            var label = out.substring(start);
            var url = link.getDestination() == null ? "" : link.getDestination().strip();
            var scheme = url.toLowerCase(Locale.ROOT);
            if ((scheme.startsWith("https://") || scheme.startsWith("http://")) && !label.equals(url)) {
                out.append(" (").append(url).append(')');
            }
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(html.getLiteral());
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(html.getLiteral()).append('\n');
        }

        @Override
        public void visit(FencedCodeBlock block) {
            out.append(block.getLiteral()).append('\n');
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            out.append(block.getLiteral()).append('\n');
        }
    }
}
