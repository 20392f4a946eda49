package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The packet as Markdown, fit to send to a committee: case facts, justification, readiness, per area the narrative
 * and per expectation the acknowledged evidence, reviewers' verdicts and the decision. Never comments, committee
 * notes or sign-off comments.
 */
final class PacketMarkdown {

    private PacketMarkdown() {}

    static String render(CaseDetails d, LocalDate today) {
        return render(d, today, List.of());
    }

    static String render(CaseDetails d, LocalDate today, List<PacketInputSection> inputs) {
        var p = d.packet();
        var md = new StringBuilder();
        md.append("# Promotion packet: ").append(inline(d.engineerName())).append("\n\n");
        md.append("**")
                .append(inline(p.currentLevelKey() + " " + p.currentLevelTitle()))
                .append(" → ")
                .append(inline(p.targetLevelKey() + " " + p.targetLevelTitle()))
                .append("**");
        if (!p.ladderName().isBlank()) {
            md.append(" · ").append(inline(p.ladderName()));
        }
        md.append("\n\n");
        md.append("| | |\n|---|---|\n");
        for (var fact : PacketFacts.of(d, today)) {
            md.append("| ")
                    .append(cell(fact.label()))
                    .append(" | ")
                    .append(cell(fact.value()))
                    .append(" |\n");
        }
        md.append("\n## Justification\n\n").append(block(d.justification())).append("\n\n");

        var r = p.readiness();
        md.append("## Readiness\n\n").append(r.summary()).append(".\n\n");
        if (r.path() != null) {
            md.append("Path: ").append(inline(r.path())).append(".\n\n");
        }
        if (r.checklist() != null && !r.checklist().isEmpty()) {
            md.append("### Readiness rule").append(r.ready() ? " — met" : "").append("\n\n");
            for (var check : r.checklist()) {
                md.append("- [")
                        .append(check.met() ? "x" : " ")
                        .append("] ")
                        .append(inline(check.label()))
                        .append(" — ")
                        .append(inline(check.numbers()))
                        .append('\n');
            }
            md.append('\n');
        }
        if (r.notApplicable() != null && !r.notApplicable().isEmpty()) {
            md.append("### Not applicable to this engineer\n\n");
            for (var m : r.notApplicable()) {
                md.append("- **")
                        .append(inline(m.competencyName()))
                        .append("**: ")
                        .append(inline(m.note()))
                        .append('\n');
            }
            md.append('\n');
        }
        if (!r.missing().isEmpty()) {
            md.append("### Without acknowledged evidence (")
                    .append(r.missing().size())
                    .append(")\n\n");
            for (var area : PacketFacts.byArea(r.missing()).entrySet()) {
                md.append("- **")
                        .append(inline(area.getKey()))
                        .append("**: ")
                        .append(inline(String.join(" · ", area.getValue())))
                        .append('\n');
            }
            md.append('\n');
        }
        if (!r.notMet().isEmpty()) {
            md.append("### Marked \"not met\"\n\n");
            for (var m : r.notMet()) {
                md.append("- **")
                        .append(inline(m.competencyName()))
                        .append("**: ")
                        .append(inline(m.note()))
                        .append('\n');
            }
            md.append('\n');
        }

        for (var area : p.areas()) {
            md.append("## ").append(inline(area.name())).append("\n\n");
            md.append(area.narrative() == null ? "_No narrative for this area._" : block(area.narrative()))
                    .append("\n\n");
            for (var line : area.lines()) {
                md.append("### ").append(inline(line.competencyName())).append("\n\n");
                md.append(quote(line.statement()));
                if (line.inherited()) {
                    md.append(" _(expected from ")
                            .append(line.definedAtLevelKey())
                            .append(")_");
                }
                md.append("\n\n");
                if (line.evidence().isEmpty()) {
                    md.append("- _No acknowledged evidence._");
                    if (line.pending() > 0) {
                        md.append(" ").append(PacketFacts.pending(line.pending()));
                    }
                    md.append('\n');
                }
                for (var e : line.evidence()) {
                    md.append("- ")
                            .append(inline(e.title()))
                            .append(" — ")
                            .append(e.typeLabel())
                            .append(", ")
                            .append(PacketFacts.date(e.occurredOn()))
                            .append(", ")
                            .append(e.levelKey())
                            .append(" (evidence #")
                            .append(e.id())
                            .append(")\n");
                }
                if (line.notMet() != null) {
                    md.append("- **Not met:** ").append(inline(line.notMet())).append('\n');
                }
                md.append('\n');
            }
        }

        for (var section : inputs) {
            md.append("## ").append(inline(section.title())).append("\n\n");
            if (section.summary() != null) {
                md.append(inline(section.summary())).append("\n\n");
            }
            for (var item : section.items()) {
                md.append("- **").append(inline(item.heading())).append(":** ").append(inline(item.text()));
                if (item.detail() != null) {
                    md.append(" — ").append(inline(item.detail()));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("## Reviewers\n\n");
        if (d.reviewers().isEmpty()) {
            md.append("_No reviewers chosen._\n");
        }
        for (var rv : d.reviewers()) {
            md.append("- ")
                    .append(inline(rv.name()))
                    .append(" — ")
                    .append(PacketFacts.verdict(rv))
                    .append('\n');
        }
        if (d.status().decided()) {
            md.append("\n## Decision\n\n").append(PacketFacts.decision(d)).append('\n');
            if (d.status() == CaseStatus.NOT_YET && d.closingNote() != null) {
                md.append('\n').append(block(d.closingNote())).append('\n');
            }
        }
        return md.toString();
    }

    /** Text inside a line: no line breaks, Markdown markers escaped. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("\\s*\\R\\s*", " ").replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    /** A multi-line text as paragraphs; HTML is escaped so an exported file never carries markup. */
    static String block(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An expectation (itself Markdown) as a block quote, one "> " per line, HTML escaped like {@link #block}. */
    static String quote(String markdown) {
        return block(markdown).lines().map(l -> l.isBlank() ? ">" : "> " + l).collect(Collectors.joining("\n"));
    }

    private static String cell(String text) {
        return inline(text);
    }
}
