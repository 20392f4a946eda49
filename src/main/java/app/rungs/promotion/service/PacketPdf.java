package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.SignOff;
import app.rungs.shared.text.SafeMarkdown;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The packet as an A4 PDF for a committee, drawn with PDFBox's standard fonts: a first page with the case facts,
 * readiness bar and justification, then per competency area the narrative and per expectation the acknowledged
 * evidence, then reviewers and the decision. Never comments, committee notes or sign-off comments.
 *
 * <p>The standard fonts encode WinAnsi (Latin-1 and a few more), which covers names like "Tomás Novák" and "Chloé
 * Dubois". Any other character is replaced safely (arrows by "->", accented letters outside WinAnsi by their base
 * letter, anything else by "?"), so no text makes the export fail.
 */
final class PacketPdf {

    private PacketPdf() {}

    static byte[] render(CaseDetails d, LocalDate today) {
        return render(d, today, List.of());
    }

    static byte[] render(CaseDetails d, LocalDate today, List<PacketInputSection> inputs) {
        try (var doc = new PDDocument()) {
            var info = doc.getDocumentInformation();
            info.setTitle("Promotion packet: " + d.engineerName() + " for "
                    + d.packet().targetLevelKey());
            info.setCreator("Rungs");
            var w = new Writer(doc);
            firstPage(w, d, today);
            body(w, d);
            inputs(w, inputs);
            w.finish("Promotion packet · " + d.engineerName() + " · "
                    + d.packet().targetLevelKey() + " · " + d.cycle());
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the packet PDF", e);
        }
    }

    private static void firstPage(Writer w, CaseDetails d, LocalDate today) throws IOException {
        var p = d.packet();
        w.text("PROMOTION PACKET", w.bold, 10, Writer.BRAND, 0, 14);
        w.space(4);
        w.text(d.engineerName(), w.bold, 26, Writer.INK, 0, 32);
        w.text(
                "from " + p.currentLevelKey() + " " + p.currentLevelTitle() + " to " + p.targetLevelKey() + " "
                        + p.targetLevelTitle(),
                w.regular,
                13,
                Writer.INK,
                0,
                18);
        w.space(10);
        w.rule();
        w.space(8);
        for (var fact : PacketFacts.of(d, today)) {
            w.fact(fact.label(), fact.value());
        }
        w.space(10);
        w.text("Readiness", w.bold, 13, Writer.INK, 0, 18);
        w.bar(p.readiness().percent());
        w.text(p.readiness().summary(), w.regular, 10, Writer.MUTED, 0, 14);
        var rr = p.readiness();
        if (rr.path() != null) {
            w.text("Path: " + rr.path(), w.regular, 10, Writer.MUTED, 0, 14);
        }
        if (rr.checklist() != null && !rr.checklist().isEmpty()) {
            w.text("Readiness rule" + (rr.ready() ? ": met" : ""), w.bold, 11, Writer.INK, 0, 16);
            for (var check : rr.checklist()) {
                w.bullet(
                        (check.met() ? "Met: " : "Not yet: ") + check.label() + " (" + check.numbers() + ")",
                        Writer.INK);
            }
        }
        if (rr.notApplicable() != null && !rr.notApplicable().isEmpty()) {
            w.text("Not applicable to this engineer", w.bold, 11, Writer.INK, 0, 16);
            for (var m : rr.notApplicable()) {
                w.bullet(m.competencyName() + ": " + m.note(), Writer.INK);
            }
        }
        w.space(10);
        w.text("Justification", w.bold, 13, Writer.INK, 0, 18);
        w.text(d.justification(), w.regular, 10.5f, Writer.INK, 0, 14.5f);
        if (d.status() == CaseStatus.NOT_YET && d.closingNote() != null) {
            w.space(10);
            w.text("Decision feedback", w.bold, 13, Writer.INK, 0, 18);
            w.text(d.closingNote(), w.regular, 10.5f, Writer.INK, 0, 14.5f);
        }
    }

    private static void body(Writer w, CaseDetails d) throws IOException {
        var p = d.packet();
        var r = p.readiness();
        if (!r.missing().isEmpty() || !r.notMet().isEmpty()) {
            w.section("What is missing");
            if (!r.missing().isEmpty()) {
                w.text("Without acknowledged evidence (" + r.missing().size() + ")", w.bold, 11, Writer.INK, 0, 16);
                for (var area : PacketFacts.byArea(r.missing()).entrySet()) {
                    w.bullet(area.getKey() + ": " + String.join(" · ", area.getValue()), Writer.INK);
                }
                w.space(6);
            }
            if (!r.notMet().isEmpty()) {
                w.text("Marked \"not met\" by the manager", w.bold, 11, Writer.INK, 0, 16);
                for (var m : r.notMet()) {
                    w.bullet(m.competencyName() + ": " + m.note(), Writer.INK);
                }
            }
        }
        for (var area : p.areas()) {
            w.section(area.name());
            if (area.narrative() == null) {
                w.text("No narrative for this area.", w.italic, 10.5f, Writer.MUTED, 0, 14.5f);
            } else {
                w.text(area.narrative(), w.regular, 10.5f, Writer.INK, 0, 14.5f);
            }
            for (var line : area.lines()) {
                w.space(8);
                w.keepTogether(60);
                var state = line.notMet() != null ? "NOT MET" : line.backed() ? "BACKED" : "MISSING";
                var color = line.notMet() != null ? Writer.WARN : line.backed() ? Writer.OK : Writer.BAD;
                w.labelled(line.competencyName(), state, color);
                w.text(
                        SafeMarkdown.toPlainText(line.statement())
                                + (line.inherited() ? " (expected from " + line.definedAtLevelKey() + ")" : ""),
                        w.italic,
                        9.5f,
                        Writer.MUTED,
                        0,
                        13);
                if (line.evidence().isEmpty()) {
                    w.bullet(
                            "No acknowledged evidence"
                                    + (line.pending() > 0 ? " " + PacketFacts.pending(line.pending()) : "") + ".",
                            Writer.BAD);
                }
                for (var e : line.evidence()) {
                    w.bullet(
                            e.title() + " — " + e.typeLabel() + ", " + PacketFacts.date(e.occurredOn()) + ", "
                                    + e.levelKey() + " (evidence #" + e.id() + ")",
                            Writer.INK);
                }
                if (line.notMet() != null) {
                    w.bullet("Not met: " + line.notMet(), Writer.WARN);
                }
            }
        }
        w.section("Reviewers");
        if (d.reviewers().isEmpty()) {
            w.text("No reviewers chosen.", w.italic, 10.5f, Writer.MUTED, 0, 14.5f);
        }
        for (var rv : d.reviewers()) {
            w.bullet(
                    rv.name() + " — " + PacketFacts.verdict(rv),
                    rv.signOff() == SignOff.CONCERNS ? Writer.WARN : Writer.INK);
        }
        if (d.status().decided()) {
            w.section("Decision");
            w.text(PacketFacts.decision(d), w.bold, 11, Writer.INK, 0, 16);
            if (d.status() == CaseStatus.NOT_YET && d.closingNote() != null) {
                w.text(d.closingNote(), w.regular, 10.5f, Writer.INK, 0, 14.5f);
            }
        }
    }

    /** The growth inputs of other features (latest agreed check-in, peer feedback, growth plan). */
    private static void inputs(Writer w, List<PacketInputSection> inputs) throws IOException {
        for (var section : inputs) {
            w.section(section.title());
            if (section.summary() != null) {
                w.text(section.summary(), w.italic, 10, Writer.MUTED, 0, 14);
            }
            for (var item : section.items()) {
                w.bullet(
                        item.heading() + ": " + item.text() + (item.detail() == null ? "" : " — " + item.detail()),
                        Writer.INK);
            }
        }
    }

    /** Lays text out top to bottom over as many A4 pages as it needs. */
    static final class Writer {

        static final float[] INK = {0.11f, 0.13f, 0.18f};
        static final float[] MUTED = {0.38f, 0.42f, 0.49f};
        static final float[] BRAND = {0.12f, 0.37f, 1f};
        static final float[] OK = {0.09f, 0.5f, 0.27f};
        static final float[] BAD = {0.75f, 0.16f, 0.16f};
        static final float[] WARN = {0.65f, 0.4f, 0f};
        static final float[] LINE = {0.85f, 0.87f, 0.9f};

        private static final float MARGIN = 56;
        private static final float BOTTOM = MARGIN + 20;

        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

        private final PDDocument doc;
        private final float width;
        private final Map<String, Boolean> encodable = new HashMap<>();
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            var page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        /** Starts a new page unless this much room is left, so a heading is not left alone at the bottom. */
        void keepTogether(float height) throws IOException {
            ensure(height);
        }

        void space(float points) {
            y -= points;
        }

        void section(String title) throws IOException {
            space(16);
            ensure(70);
            text(title, bold, 15, INK, 0, 20);
            rule();
            space(6);
        }

        void rule() throws IOException {
            ensure(4);
            cs.setStrokingColor(LINE[0], LINE[1], LINE[2]);
            cs.setLineWidth(0.8f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + width, y);
            cs.stroke();
            y -= 4;
        }

        /** A filled readiness bar with the percentage at its end. */
        void bar(int percent) throws IOException {
            ensure(24);
            float h = 10;
            float barWidth = width - 50;
            float top = y - 4;
            cs.setNonStrokingColor(0.92f, 0.93f, 0.95f);
            cs.addRect(MARGIN, top - h, barWidth, h);
            cs.fill();
            var color = percent >= 80 ? OK : percent >= 50 ? WARN : BAD;
            cs.setNonStrokingColor(color[0], color[1], color[2]);
            cs.addRect(MARGIN, top - h, barWidth * Math.max(0, Math.min(100, percent)) / 100f, h);
            cs.fill();
            show(percent + "%", bold, 11, INK, MARGIN + barWidth + 8, top - h + 1);
            y = top - h - 8;
        }

        /** A label in the left column and a wrapped value beside it. */
        void fact(String label, String value) throws IOException {
            float labelWidth = 96;
            var lines = wrap(value, regular, 10.5f, width - labelWidth);
            ensure(14.5f);
            show(label, bold, 10, MUTED, MARGIN, y - 10.5f);
            for (var line : lines) {
                ensure(14.5f);
                show(line, regular, 10.5f, INK, MARGIN + labelWidth, y - 10.5f);
                y -= 14.5f;
            }
        }

        /** A bold title with a small coloured tag on the right. */
        void labelled(String title, String tag, float[] tagColor) throws IOException {
            var lines = wrap(title, bold, 11.5f, width - 70);
            for (int i = 0; i < lines.size(); i++) {
                ensure(16);
                show(lines.get(i), bold, 11.5f, INK, MARGIN, y - 11.5f);
                if (i == 0) {
                    float tagWidth = bold.getStringWidth(tag) / 1000 * 8;
                    show(tag, bold, 8, tagColor, MARGIN + width - tagWidth, y - 10.5f);
                }
                y -= 16;
            }
        }

        void bullet(String text, float[] color) throws IOException {
            var lines = wrap(text, regular, 10, width - 14);
            for (int i = 0; i < lines.size(); i++) {
                ensure(14);
                if (i == 0) {
                    show("•", bold, 10, color, MARGIN + 2, y - 10);
                }
                show(lines.get(i), regular, 10, color, MARGIN + 14, y - 10);
                y -= 14;
            }
        }

        /** Wrapped paragraphs; blank lines in the text separate paragraphs. */
        void text(String text, PDFont font, float size, float[] color, float indent, float leading) throws IOException {
            for (var line : wrap(text, font, size, width - indent)) {
                ensure(leading);
                if (!line.isEmpty()) {
                    show(line, font, size, color, MARGIN + indent, y - size);
                }
                y -= leading;
            }
        }

        private void show(String text, PDFont font, float size, float[] color, float x, float baseline)
                throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color[0], color[1], color[2]);
            cs.newLineAtOffset(x, baseline);
            cs.showText(safe(font, text));
            cs.endText();
        }

        List<String> wrap(String text, PDFont font, float size, float available) throws IOException {
            var result = new ArrayList<String>();
            if (text == null) {
                return result;
            }
            for (var paragraph : text.strip().split("\\R", -1)) {
                var clean = safe(font, paragraph.replace('\t', ' ')).strip();
                if (clean.isEmpty()) {
                    result.add("");
                    continue;
                }
                var line = new StringBuilder();
                for (var word : clean.split(" +")) {
                    var candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(font, size, candidate) <= available) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        result.add(line.toString());
                        line.setLength(0);
                    }
                    // A single word longer than the line (a long URL) is broken where it must be.
                    var rest = word;
                    while (width(font, size, rest) > available) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(font, size, rest.substring(0, cut)) > available) {
                            cut--;
                        }
                        result.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                if (!line.isEmpty()) {
                    result.add(line.toString());
                }
            }
            return result;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Text the font can encode: unsupported characters replaced, never an exception. */
        String safe(PDFont font, String text) {
            if (text == null) {
                return "";
            }
            var normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
            var out = new StringBuilder(normalized.length());
            normalized.codePoints().forEach(cp -> {
                if (cp == '\n' || cp == '\r') {
                    out.append(' ');
                    return;
                }
                if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                    return;
                }
                var ch = Character.toString(cp);
                if (canEncode(font, ch)) {
                    out.append(ch);
                    return;
                }
                var replacement = replacement(cp);
                if (replacement != null) {
                    out.append(replacement);
                    return;
                }
                var base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(
                        !base.isEmpty() && base.codePoints().allMatch(b -> canEncode(font, Character.toString(b)))
                                ? base
                                : "?");
            });
            return out.toString();
        }

        private boolean canEncode(PDFont font, String ch) {
            return encodable.computeIfAbsent(font.getName() + ch, k -> {
                try {
                    font.encode(ch);
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
        }

        private static String replacement(int cp) {
            return switch (cp) {
                case '→', '⟶', '➔' -> "->";
                case '←' -> "<-";
                case '↔' -> "<->";
                case '≥' -> ">=";
                case '≤' -> "<=";
                case '≠' -> "!=";
                case '≈' -> "~";
                case '−', '‐', '‑', '‒' -> "-";
                case '✓', '✔' -> "v";
                case '✗', '✘' -> "x";
                case 'Ł' -> "L";
                case 'ł' -> "l";
                case 'Đ' -> "D";
                case 'đ' -> "d";
                case 'ı' -> "i";
                case '\u00a0', '\u2007', '\u202f', '\u2009' -> " ";
                default -> null;
            };
        }

        /** Closes the last page and writes a footer with page numbers on every page. */
        void finish(String footer) throws IOException {
            cs.close();
            int total = doc.getNumberOfPages();
            int number = 0;
            for (var page : doc.getPages()) {
                number++;
                try (var footerStream =
                        new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs = footerStream;
                    show(footer, regular, 8, MUTED, MARGIN, MARGIN - 18);
                    var pageLabel = "Page " + number + " of " + total;
                    float labelWidth = regular.getStringWidth(pageLabel) / 1000 * 8;
                    show(pageLabel, regular, 8, MUTED, MARGIN + width - labelWidth, MARGIN - 18);
                }
            }
        }
    }
}
