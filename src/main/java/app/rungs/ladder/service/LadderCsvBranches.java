package app.rungs.ladder.service;

import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.RuleDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import app.rungs.ladder.service.LadderDocument.TrackDoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The branch columns of the flat CSV, kept apart from the matrix columns ({@link LadderCsvRows}): a level's track
 * (with the level the track forks from) and how many electives it asks, a competency's applicability and weight, and
 * the version's readiness rule. Files with the seven matrix columns only are read as before: no tracks, every
 * competency core with weight 1, the default rule.
 */
final class LadderCsvBranches {

    static final List<String> COLUMNS =
            List.of("track", "forks from", "electives required", "applicability", "weight", "readiness rule");

    static final int TRACK = 0;
    static final int FORKS_FROM = 1;
    static final int ELECTIVES = 2;
    static final int APPLICABILITY = 3;
    static final int WEIGHT = 4;
    static final int RULE = 5;

    private static final Pattern RULE_TEXT = Pattern.compile(
            "^\\s*currentCore\\s*=\\s*(true|false)\\s*;\\s*targetPercent\\s*=\\s*(\\d{1,3})\\s*;\\s*weighted\\s*=\\s*(true|false)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Where a problem goes: the reader's list, with its line and column. */
    interface Problems {
        void add(int line, String column, String message);
    }

    private record TrackCell(String name, String forksFrom, int line) {}

    private final Problems problems;
    private final Map<String, TrackCell> tracks = new LinkedHashMap<>();
    private final Map<String, String> trackOfLevel = new HashMap<>();
    private final Map<String, Integer> electives = new HashMap<>();
    private final Map<String, String> applicability = new HashMap<>();
    private final Map<String, Integer> weight = new HashMap<>();
    private RuleDoc rule;
    private int ruleLine;

    LadderCsvBranches(Problems problems) {
        this.problems = problems;
    }

    /** The cells of one level declaration row (a level without a competency). */
    void level(int line, String levelKey, String[] cells) {
        var trackCell = cells[TRACK];
        if (!trackCell.isBlank()) {
            var label =
                    LadderCsv.parseLabel(trackCell, LadderDocumentValidator.LEVEL_OR_TIER_KEY, LadderCsvBranches::key);
            var forksFrom = cells[FORKS_FROM].isBlank() ? null : cells[FORKS_FROM].strip();
            var earlier = tracks.get(label.key());
            if (earlier == null) {
                tracks.put(label.key(), new TrackCell(label.name(), forksFrom, line));
            } else if (forksFrom != null && !forksFrom.equals(earlier.forksFrom())) {
                problems.add(
                        line,
                        "forks from",
                        "track " + label.key() + " forks from " + earlier.forksFrom() + " on line " + earlier.line()
                                + "; a track forks from one level");
                return;
            }
            trackOfLevel.put(levelKey, label.key());
        } else if (!cells[FORKS_FROM].isBlank()) {
            problems.add(line, "forks from", "a fork level needs the track in the track column");
            return;
        }
        var k = number(line, "electives required", cells[ELECTIVES]);
        if (k != null) {
            electives.put(levelKey, k);
        }
    }

    /** The cells of a row that names a competency. */
    void competency(int line, String competencyKey, String[] cells) {
        var a = cells[APPLICABILITY];
        if (!a.isBlank()) {
            var value = a.strip().toUpperCase(Locale.ROOT);
            var earlier = applicability.putIfAbsent(competencyKey, value);
            if (earlier != null && !earlier.equals(value)) {
                problems.add(
                        line,
                        "applicability",
                        "competency " + competencyKey + " is " + earlier + " on an earlier row and " + value + " here");
            }
        }
        var w = number(line, "weight", cells[WEIGHT]);
        if (w != null) {
            var earlier = weight.putIfAbsent(competencyKey, w);
            if (earlier != null && !earlier.equals(w)) {
                problems.add(
                        line,
                        "weight",
                        "competency " + competencyKey + " has weight " + earlier + " on an earlier row and " + w
                                + " here");
            }
        }
    }

    /** Any row: the readiness rule cell, given once. */
    void rule(int line, String[] cells) {
        var cell = cells[RULE];
        if (cell.isBlank()) {
            return;
        }
        var m = RULE_TEXT.matcher(cell);
        if (!m.matches()) {
            problems.add(
                    line,
                    "readiness rule",
                    "write the rule as currentCore=true; targetPercent=60; weighted=false (found '" + cell.strip()
                            + "')");
        } else if (rule != null) {
            problems.add(line, "readiness rule", "the rule is already given on line " + ruleLine + "; give it once");
        } else {
            rule = new RuleDoc(
                    Boolean.parseBoolean(m.group(1).toLowerCase(Locale.ROOT)),
                    Integer.parseInt(m.group(2)),
                    Boolean.parseBoolean(m.group(3).toLowerCase(Locale.ROOT)));
            ruleLine = line;
        }
    }

    private Integer number(int line, String column, String cell) {
        if (cell.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            problems.add(line, column, "'" + cell.strip() + "' is not a whole number");
            return null;
        }
    }

    private static String key(String name) {
        return name.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /** The matrix document with the branch cells applied; descriptions of tracks come from {@code base}. */
    LadderDocument apply(LadderDocument doc, LadderDocument base, Map<String, Integer> lines) {
        var baseTracks = new HashMap<String, TrackDoc>();
        if (base != null && base.tracks() != null) {
            base.tracks().forEach(t -> baseTracks.put(t.key(), t));
        }
        var trackDocs = new ArrayList<TrackDoc>();
        int i = 0;
        for (var e : tracks.entrySet()) {
            lines.put("/tracks/" + i++, e.getValue().line());
            var baseTrack = baseTracks.get(e.getKey());
            trackDocs.add(new TrackDoc(
                    e.getKey(),
                    e.getValue().name(),
                    baseTrack == null ? null : baseTrack.description(),
                    e.getValue().forksFrom()));
        }
        if (rule != null) {
            lines.put("/readinessRule", ruleLine);
        }
        var tiers = doc.tiers().stream()
                .map(t -> new TierDoc(
                        t.key(),
                        t.name(),
                        t.description(),
                        t.levels().stream()
                                .map(l -> new LevelDoc(
                                        l.key(),
                                        l.title(),
                                        l.scope(),
                                        l.impact(),
                                        l.typicalExperience(),
                                        trackOfLevel.get(l.key()),
                                        electives.get(l.key())))
                                .toList()))
                .toList();
        var areas = doc.areas() == null
                ? null
                : doc.areas().stream()
                        .map(a -> new AreaDoc(
                                a.key(),
                                a.name(),
                                a.description(),
                                a.competencies() == null
                                        ? null
                                        : a.competencies().stream()
                                                .map(c -> new CompetencyDoc(
                                                        c.key(),
                                                        c.name(),
                                                        c.description(),
                                                        c.specializations(),
                                                        c.expectations(),
                                                        applicability.get(c.key()),
                                                        weight.get(c.key())))
                                                .toList()))
                        .toList();
        return new LadderDocument(
                doc.schema(),
                doc.name(),
                doc.description(),
                rule,
                trackDocs.isEmpty() ? null : trackDocs,
                tiers,
                areas);
    }

    /** The branch cells of a level declaration row, for the writer. */
    static List<String> levelCells(LevelDoc level, Map<String, TrackDoc> tracks) {
        var track = level.track() == null ? null : tracks.get(level.track());
        return List.of(
                track == null ? "" : LadderCsv.label(track.key(), track.name()),
                track == null || track.forksFrom() == null ? "" : track.forksFrom(),
                level.electivesRequired() == null ? "" : String.valueOf(level.electivesRequired()),
                "",
                "",
                "");
    }

    /** The branch cells of a row naming a competency, for the writer. */
    static List<String> competencyCells(CompetencyDoc competency) {
        return List.of(
                "",
                "",
                "",
                competency.applicability() == null ? "" : competency.applicability(),
                competency.weight() == null ? "" : String.valueOf(competency.weight()),
                "");
    }

    /** The readiness rule cell, written on the first row. */
    static String ruleCell(RuleDoc rule) {
        var r = rule == null ? ReadinessRule.DEFAULT : rule.toRule();
        return "currentCore=" + r.currentCore() + "; targetPercent=" + r.targetPercent() + "; weighted=" + r.weighted();
    }
}
