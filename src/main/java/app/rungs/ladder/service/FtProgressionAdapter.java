package app.rungs.ladder.service;

import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Imports a job family of the Financial Times engineering-progression framework
 * (github.com/Financial-Times/engineering-progression, data/job-families/*.yml, MIT licence) as a ladder draft.
 *
 * <p>The FT file lists levels, themes, and "competencies" that each belong to one level and one theme with a
 * proficiency. Rungs asks the same question per competency and level, so each theme becomes an area holding one
 * competency of the same name, and the FT competencies of one level in that theme become the level's expectation:
 * their summaries with the proficiency in brackets, as a Markdown list when there are several. Legacy examples and
 * supporting links become the expectation's examples. All levels go into one tier named after the job family.
 */
final class FtProgressionAdapter {

    record FtFile(
            String name,
            String summary,
            String googleSheetId,
            @JsonProperty("isLegacy") Boolean isLegacy,
            List<FtLevel> levels,
            List<FtTheme> themes,
            List<FtCompetency> competencies) {}

    record FtLevel(String id, String name) {}

    record FtTheme(String id, String name, String summary) {}

    record FtCompetency(
            String id,
            String summary,
            List<String> examples,
            List<FtLink> supportingUrls,
            String level,
            String theme,
            String proficiency) {}

    record FtLink(String label, String url) {}

    private final LadderYaml yaml;

    FtProgressionAdapter(LadderYaml yaml) {
        this.yaml = yaml;
    }

    /** True when a YAML text looks like an FT job family: top-level levels, themes and competencies, no schema. */
    static boolean looksLike(String text) {
        return text.lines().anyMatch(l -> l.startsWith("levels:"))
                && text.lines().anyMatch(l -> l.startsWith("themes:"))
                && text.lines().anyMatch(l -> l.startsWith("competencies:"))
                && text.lines().noneMatch(l -> l.startsWith("schema:"));
    }

    /** Converts and validates an FT job family; {@code name} overrides the family's name when given. */
    LadderDocument read(byte[] bytes, String name) {
        var parsed = yaml.readForeign(bytes, FtFile.class);
        var ft = parsed.value();
        var where = parsed.lines();
        if (ft == null) {
            throw new ImportException("The file holds no job family; an FT engineering-progression file starts with"
                    + " name, summary, levels, themes and competencies.");
        }
        var problems = new ArrayList<String>();
        require(problems, where, "/levels", "levels", ft.levels());
        require(problems, where, "/themes", "themes", ft.themes());
        require(problems, where, "/competencies", "competencies", ft.competencies());
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        // Doc pointer → FT pointer, so that problems in the converted ladder still name the FT file's lines.
        var origin = new HashMap<String, String>();
        var levelKeys = new LinkedHashMap<String, String>();
        var levels = new ArrayList<LevelDoc>();
        for (int i = 0; i < ft.levels().size(); i++) {
            var level = ft.levels().get(i);
            var p = "/levels/" + i;
            if (blank(level.id()) || blank(level.name())) {
                problems.add(at(where, p, "a level needs an id and a name"));
                continue;
            }
            var key = LadderFileText.upperKey(level.id());
            if (levelKeys.containsValue(key)) {
                problems.add(at(where, p + "/id", "the level id '" + level.id() + "' is used twice"));
                continue;
            }
            levelKeys.put(level.id(), key);
            origin.put("/tiers/0/levels/" + levels.size(), p);
            levels.add(new LevelDoc(key, level.name().strip(), null, null, null));
        }
        var themeIndex = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < ft.themes().size(); i++) {
            var theme = ft.themes().get(i);
            if (blank(theme.id()) || blank(theme.name())) {
                problems.add(at(where, "/themes/" + i, "a theme needs an id and a name"));
            } else if (themeIndex.putIfAbsent(theme.id(), i) != null) {
                problems.add(at(where, "/themes/" + i + "/id", "the theme id '" + theme.id() + "' is used twice"));
            }
        }
        // theme id → level id → the FT competencies of that cell, in file order
        var cells = new LinkedHashMap<String, Map<String, List<Integer>>>();
        for (int i = 0; i < ft.competencies().size(); i++) {
            var c = ft.competencies().get(i);
            var p = "/competencies/" + i;
            if (blank(c.summary())) {
                problems.add(at(where, p + "/summary", "is missing"));
            }
            if (!levelKeys.containsKey(c.level())) {
                problems.add(at(
                        where,
                        p + "/level",
                        "'" + c.level() + "' is not one of the file's levels (" + String.join(", ", levelKeys.keySet())
                                + ")"));
                continue;
            }
            if (!themeIndex.containsKey(c.theme())) {
                problems.add(at(
                        where,
                        p + "/theme",
                        "'" + c.theme() + "' is not one of the file's themes (" + String.join(", ", themeIndex.keySet())
                                + ")"));
                continue;
            }
            cells.computeIfAbsent(c.theme(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(c.level(), l -> new ArrayList<>())
                    .add(i);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        var areas = new ArrayList<AreaDoc>();
        for (var theme : themeIndex.entrySet()) {
            var ftTheme = ft.themes().get(theme.getValue());
            var expectations = new ArrayList<ExpectationDoc>();
            var byLevel = cells.getOrDefault(theme.getKey(), Map.of());
            for (var levelId : levelKeys.keySet()) {
                var items = byLevel.get(levelId);
                if (items == null) {
                    continue;
                }
                origin.put(
                        "/areas/" + areas.size() + "/competencies/0/expectations/" + expectations.size(),
                        "/competencies/" + items.getFirst());
                var list = items.stream().map(ft.competencies()::get).toList();
                expectations.add(new ExpectationDoc(levelKeys.get(levelId), statement(list), examples(list), null));
            }
            origin.put("/areas/" + areas.size(), "/themes/" + theme.getValue());
            var key = LadderFileText.lowerKey(ftTheme.id(), 60);
            var description =
                    blank(ftTheme.summary()) ? null : ftTheme.summary().strip();
            areas.add(new AreaDoc(
                    key,
                    ftTheme.name().strip(),
                    null,
                    List.of(new CompetencyDoc(
                            key,
                            ftTheme.name().strip(),
                            description,
                            null,
                            expectations.isEmpty() ? null : expectations))));
        }
        var family = blank(ft.name()) ? "Engineering" : ft.name().strip();
        var doc = new LadderDocument(
                LadderDocument.SCHEMA,
                blank(name) ? family : name.strip(),
                blank(ft.summary()) ? null : ft.summary().strip(),
                List.of(new TierDoc(LadderFileText.upperKey(family), family, null, levels)),
                areas);
        var content = LadderDocumentValidator.validate(doc, (pointer, field) -> {
            var p = pointer;
            while (!p.isEmpty() && !origin.containsKey(p)) {
                p = p.substring(0, p.lastIndexOf('/'));
            }
            var ftPointer = origin.getOrDefault(p, "");
            return "Line " + where.lineOf(ftPointer)
                    + (ftPointer.isEmpty() ? "" : ", field " + LadderYaml.field(ftPointer));
        });
        if (!content.isEmpty()) {
            throw new ImportException(content);
        }
        return doc;
    }

    private static String statement(List<FtCompetency> items) {
        if (items.size() == 1) {
            return item(items.getFirst());
        }
        return items.stream().map(c -> "- " + item(c).replace("\n", "\n  ")).collect(Collectors.joining("\n"));
    }

    private static String item(FtCompetency c) {
        var text = c.summary().strip();
        return blank(c.proficiency()) ? text : text + " (" + c.proficiency().strip() + ")";
    }

    private static String examples(List<FtCompetency> items) {
        var lines = new ArrayList<String>();
        for (var c : items) {
            for (var e : c.examples() == null ? List.<String>of() : c.examples()) {
                if (!blank(e)) {
                    lines.add("- " + e.strip());
                }
            }
            for (var link : c.supportingUrls() == null ? List.<FtLink>of() : c.supportingUrls()) {
                if (link != null && !blank(link.url()) && link.url().matches("^https?://\\S+$")) {
                    lines.add("- ["
                            + (blank(link.label()) ? link.url() : link.label().strip()) + "](" + link.url() + ")");
                }
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static void require(
            List<String> problems, LadderYaml.Parsed where, String pointer, String field, List<?> list) {
        if (list == null || list.isEmpty()) {
            problems.add(
                    "Line " + where.lineOf(pointer) + ", field " + field + ": the job family has no " + field + ".");
        }
    }

    private static String at(LadderYaml.Parsed where, String pointer, String message) {
        return "Line " + where.lineOf(pointer) + ", field " + LadderYaml.field(pointer) + ": " + message + ".";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
