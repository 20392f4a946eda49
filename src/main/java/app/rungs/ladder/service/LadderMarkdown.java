package app.rungs.ladder.service;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.shared.domain.DateTexts;
import java.util.stream.Collectors;

/**
 * A ladder version as a Markdown handbook page: the tiers and their levels with scope and impact, then per area and
 * competency what each level asks. Levels that are not listed under a competency carry the expectation of the level
 * below, as the page explains.
 */
public final class LadderMarkdown {

    public String write(LadderContent content) {
        var v = content.version();
        var md = new StringBuilder();
        md.append("# ").append(inline(v.ladderName())).append("\n\n");
        md.append("_Version ").append(v.number());
        if (v.status() == VersionStatus.DRAFT) {
            md.append(" (draft, not yet published)");
        } else if (v.publishedAt() != null) {
            md.append(", published ").append(DateTexts.date(v.publishedAt()));
            if (v.status() == VersionStatus.RETIRED) {
                md.append(" (superseded by a later version)");
            }
        }
        md.append("._\n\n");
        if (v.changeNote() != null) {
            md.append("> ").append(inline(v.changeNote()).replace("\n", "\n> ")).append("\n\n");
        }
        if (v.ladderDescription() != null) {
            md.append(block(v.ladderDescription())).append("\n\n");
        }

        md.append("## Readiness rule\n\n").append(ruleText(content.rule())).append("\n\n");
        if (!content.tracks().isEmpty()) {
            md.append("## Tracks\n\n");
            for (var track : content.tracks()) {
                md.append("- **")
                        .append(inline(track.name()))
                        .append("** (")
                        .append(inline(track.key()))
                        .append(
                                track.forksFromLevelKey() == null
                                        ? ", from the first level"
                                        : ", forks from " + inline(track.forksFromLevelKey()))
                        .append("): ")
                        .append(content.levels().stream()
                                .filter(l -> track.key().equals(l.trackKey()))
                                .map(l -> inline(l.key()))
                                .collect(Collectors.joining(", ")));
                if (track.description() != null) {
                    md.append(". ").append(inline(track.description()));
                }
                md.append('\n');
            }
            md.append('\n');
        }

        md.append("## Levels\n\n");
        for (var tier : content.tiers()) {
            md.append("### ").append(inline(tier.name())).append("\n\n");
            if (tier.description() != null) {
                md.append(block(tier.description())).append("\n\n");
            }
            for (var level : content.levelsOf(tier.key())) {
                md.append("#### ")
                        .append(inline(level.key()))
                        .append(" — ")
                        .append(inline(level.title()))
                        .append("\n\n");
                if (level.scope() != null) {
                    md.append("**Scope.** ").append(block(level.scope())).append("\n\n");
                }
                if (level.impact() != null) {
                    md.append("**Impact.** ").append(block(level.impact())).append("\n\n");
                }
                if (level.trackKey() != null) {
                    md.append("**Track:** ")
                            .append(inline(content.track(level.trackKey())
                                    .map(LadderContent.TrackView::name)
                                    .orElse(level.trackKey())))
                            .append("\n\n");
                }
                if (level.electivesRequired() > 0) {
                    md.append("**Electives:** at least ")
                            .append(level.electivesRequired())
                            .append(level.electivesRequired() == 1 ? " elective" : " electives")
                            .append(" of those expected at this level.\n\n");
                }
                if (level.typicalExperience() != null) {
                    md.append("**Typical experience:** ")
                            .append(inline(level.typicalExperience()))
                            .append("\n\n");
                }
            }
        }

        md.append("## What each level asks\n\n");
        md.append("Each competency lists the levels where its expectation is set or raised. A level that is not listed "
                + "asks what the level below it asks.\n\n");
        for (var area : content.areas()) {
            md.append("### ").append(inline(area.name())).append("\n\n");
            if (area.description() != null) {
                md.append(block(area.description())).append("\n\n");
            }
            for (var competency : content.competenciesOf(area.key())) {
                md.append("#### ").append(inline(competency.name())).append("\n\n");
                md.append("_")
                        .append(competency.applicability().label())
                        .append(competency.weight() == 1 ? "" : ", weight " + competency.weight())
                        .append("_\n\n");
                if (!competency.specializations().isEmpty()) {
                    md.append("_Specializations: ")
                            .append(competency.specializations().stream()
                                    .map(SpecializationTrack::label)
                                    .collect(Collectors.joining(", ")))
                            .append("_\n\n");
                }
                if (competency.description() != null) {
                    md.append(block(competency.description())).append("\n\n");
                }
                boolean any = false;
                for (var level : content.levels()) {
                    var e = content.explicit(competency.key(), level.key());
                    if (e.isEmpty()) {
                        continue;
                    }
                    any = true;
                    md.append("- **").append(inline(level.key())).append(":** ");
                    if (e.get().kind() == ExpectationKind.NOT_EXPECTED) {
                        md.append("_Not expected at this level._\n");
                    } else {
                        md.append(indent(block(e.get().statement()))).append('\n');
                        if (e.get().examples() != null) {
                            md.append("  _Examples:_ ")
                                    .append(indent(block(e.get().examples())))
                                    .append('\n');
                        }
                    }
                }
                if (!any) {
                    md.append("_No level asks anything of this competency yet._\n");
                }
                md.append('\n');
            }
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** Escapes Markdown in one-line text such as names and titles. */
    static String ruleText(ReadinessRule rule) {
        var parts = new java.util.ArrayList<String>();
        if (rule.currentCore()) {
            parts.add("every core expectation of the current level is backed");
        }
        parts.add("at least " + rule.targetPercent() + "% of the target level's core and track expectations are backed"
                + (rule.weighted() ? " (counted by competency weight)" : ""));
        parts.add("at least the electives the target level asks for are backed");
        return "A person is ready for the next level on their path when " + String.join("; ", parts) + ".";
    }

    static String inline(String text) {
        return escape(text.replaceAll("\\s*\\R\\s*", " "));
    }

    /** Escapes Markdown in prose, keeping its line breaks as hard breaks. */
    static String block(String text) {
        return escape(text.strip()).replaceAll("\\R", "  \n");
    }

    private static String indent(String text) {
        return text.replace("\n", "\n  ");
    }

    private static String escape(String text) {
        var sb = new StringBuilder(text.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(ch) >= 0 || lineStart && (ch == '#' || ch == '>' || ch == '-' || ch == '+')) {
                sb.append('\\');
            }
            sb.append(ch);
            lineStart = ch == '\n' || lineStart && ch == ' ';
        }
        return sb.toString();
    }
}
