package app.rungs.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evidence descriptions are Markdown written by users and shown to their managers: no script, event handler,
 * {@code javascript:}/{@code data:}/{@code vbscript:} URL or embedded content survives rendering.
 */
public class MarkdownXssCorpusTest {

    public static List<String> corpus() {
        return List.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<svg/onload=alert(1)>",
                "<body onload=alert(1)>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
                "<a href=\"&#106;avascript:alert(1)\">encoded</a>",
                "<a href=\"java\tscript:alert(1)\">tab</a>",
                "[click me](javascript:alert(1))",
                "[click me](JAVASCRIPT:alert(1))",
                "[encoded](&#x6A;avascript:alert(1))",
                "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
                "![x](https://evil.example/x.png\" onerror=\"alert(1))",
                "[vb](vbscript:msgbox(1))",
                "<div style=\"background:url(javascript:alert(1))\">styled</div>",
                "<a href=\"https://ok.example\" onclick=\"alert(1)\">handler</a>",
                "<p onmouseover=alert(1)>hover</p>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
                "<form action=\"javascript:alert(1)\"><button>go</button></form>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<input autofocus onfocus=alert(1)>",
                "<details open ontoggle=alert(1)>",
                "[link](https://ok.example \"title\" onclick=alert(1))",
                "<<script>script>alert(1)<</script>/script>",
                "```html\n<script>alert(1)</script>\n```",
                "<a href=\"data:text/html,<script>alert(1)</script>\">data link</a>",
                "<base href=\"javascript:alert(1)//\">");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void noScriptHandlerOrDangerousUrlReachesThePage(String markdown) {
        var html = SafeMarkdown.toHtml("Intro text\n\n" + markdown);
        var doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.body().select("script, iframe, object, embed, form, input, meta, base, style, svg, math, img"))
                .as("dangerous elements in %s", html)
                .isEmpty();
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<body").doesNotContain("<script");
        doc.body()
                .select("*")
                .forEach(el -> el.attributes().forEach(attr -> {
                    var name = attr.getKey().toLowerCase(Locale.ROOT);
                    var value = attr.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                    assertThat(name)
                            .as("attribute of <%s> in %s", el.tagName(), html)
                            .doesNotStartWith("on");
                    assertThat(name).isNotEqualTo("style");
                    assertThat(value)
                            .as("attribute %s in %s", name, html)
                            .doesNotContain("javascript:")
                            .doesNotContain("vbscript:")
                            .doesNotStartWith("data:");
                }));
        doc.select("a[href]").forEach(a -> assertThat(a.attr("href")).startsWith("http"));
    }

    @Test
    void ordinaryMarkdownKeepsItsFormattingAndSafeLinks() {
        var html = SafeMarkdown.toHtml("""
                ## Timeline
                A **partition** split the _quorum_; see [the postmortem](https://wiki.example.com/INC-2291).

                - fenced the old leader
                - added `lease` checks
                """);
        var doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("h2").text()).isEqualTo("Timeline");
        assertThat(doc.select("strong").text()).isEqualTo("partition");
        assertThat(doc.select("li")).hasSize(2);
        assertThat(doc.select("code").text()).isEqualTo("lease");
        var link = doc.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://wiki.example.com/INC-2291");
        assertThat(link.attr("rel")).contains("noopener");
        assertThat(link.attr("target")).isEqualTo("_blank");
    }

    @Test
    void rawHtmlIsShownAsTextNotInterpreted() {
        var html = SafeMarkdown.toHtml("<b onclick=alert(1)>bold?</b>");
        assertThat(html).doesNotContain("<b").contains("&lt;b");
        assertThat(SafeMarkdown.toHtml(null)).isEmpty();
        assertThat(SafeMarkdown.toHtml("   ")).isEmpty();
    }

    @Test
    void aSingleLineBreakStaysALineBreak() {
        var html = SafeMarkdown.toHtml("Leads the design review\nand writes the decision record");
        assertThat(html.strip()).isEqualTo("<p>Leads the design review<br>and writes the decision record</p>");
    }

    @Test
    void plainTextKeepsListsLineBreaksAndLinkTargetsButNoMarkup() {
        var text = SafeMarkdown.toPlainText("""
                Owns **one** service:
                on-call for it

                - writes its [runbook](https://wiki.example.com/rb)
                - [bad](javascript:alert(1)) <script>alert(1)</script>
                """);
        assertThat(text)
                .isEqualTo("Owns one service:\non-call for it\n\n• writes its runbook (https://wiki.example.com/rb)\n"
                        + "• bad <script>alert(1)</script>");
        assertThat(SafeMarkdown.toPlainText(null)).isEmpty();
    }
}
