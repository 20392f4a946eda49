package app.rungs.ladder.service;

import app.rungs.ladder.domain.Applicability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/** Checks a ladder document's content; every problem names its line and field. */
final class LadderDocumentValidator {

    static final Pattern LEVEL_OR_TIER_KEY = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,39}$");
    static final Pattern AREA_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,59}$");
    static final Pattern COMPETENCY_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,79}$");
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = LadderYaml.MAX_VALUE_CHARS;
    static final int MAX_LEVELS = 60;
    static final int MAX_COMPETENCIES = 1_000;
    static final List<String> APPLICABILITY =
            Arrays.stream(Applicability.values()).map(Enum::name).toList();

    /** Says where a problem is, from its JSON pointer and YAML field name: "Line 7, field tiers[0].key". */
    interface Locator {
        String where(String pointer, String field);
    }

    private final List<String> problems = new ArrayList<>();
    private final Locator locator;

    private LadderDocumentValidator(Locator locator) {
        this.locator = locator;
    }

    /** Validates a parsed YAML file: every problem names its line and field. */
    static List<String> validate(LadderDocument doc, ToIntFunction<String> lineOf) {
        return validate(doc, (pointer, field) -> "Line " + lineOf.applyAsInt(pointer) + ", field " + field);
    }

    static List<String> validate(LadderDocument doc, Locator locator) {
        var v = new LadderDocumentValidator(locator);
        v.check(doc);
        return v.problems;
    }

    private void check(LadderDocument doc) {
        if (doc.schema() == null) {
            problem("/schema", "schema", "is missing; expected '" + LadderDocument.SCHEMA + "'");
        } else if (!LadderDocument.SCHEMA.equals(doc.schema())) {
            problem(
                    "/schema",
                    "schema",
                    "'" + doc.schema() + "' is not supported; expected '" + LadderDocument.SCHEMA + "'");
        }
        requireText("/name", "name", doc.name(), MAX_NAME);
        optionalText("/description", "description", doc.description());

        var levelKeys = new HashSet<String>();
        var tierKeys = new HashSet<String>();
        if (doc.tiers() == null || doc.tiers().isEmpty()) {
            problem("/tiers", "tiers", "at least one tier is required");
        } else {
            int levelCount = 0;
            for (int t = 0; t < doc.tiers().size(); t++) {
                var tier = doc.tiers().get(t);
                var p = "/tiers/" + t;
                var f = "tiers[" + t + "]";
                if (tier == null) {
                    problem(p, f, "is empty");
                    continue;
                }
                key(
                        p + "/key",
                        f + ".key",
                        tier.key(),
                        LEVEL_OR_TIER_KEY,
                        "upper-case letters, digits and '-', at most 40",
                        tierKeys,
                        "tier");
                requireText(p + "/name", f + ".name", tier.name(), MAX_NAME);
                optionalText(p + "/description", f + ".description", tier.description());
                if (tier.levels() == null || tier.levels().isEmpty()) {
                    problem(p + "/levels", f + ".levels", "tier " + tier.key() + " needs at least one level");
                    continue;
                }
                for (int l = 0; l < tier.levels().size(); l++) {
                    var level = tier.levels().get(l);
                    var lp = p + "/levels/" + l;
                    var lf = f + ".levels[" + l + "]";
                    levelCount++;
                    if (level == null) {
                        problem(lp, lf, "is empty");
                        continue;
                    }
                    key(
                            lp + "/key",
                            lf + ".key",
                            level.key(),
                            LEVEL_OR_TIER_KEY,
                            "upper-case letters, digits and '-', at most 40",
                            levelKeys,
                            "level");
                    requireText(lp + "/title", lf + ".title", level.title(), MAX_NAME);
                    optionalText(lp + "/scope", lf + ".scope", level.scope());
                    optionalText(lp + "/impact", lf + ".impact", level.impact());
                    if (level.typicalExperience() != null
                            && level.typicalExperience().length() > 100) {
                        problem(lp + "/typicalExperience", lf + ".typicalExperience", "is longer than 100 characters");
                    }
                    // Pay bands: optional; the rules are shared with the editor (PayBandRules).
                    PayBandRules.check(
                            level.payBands(),
                            (i, field, message) -> problem(
                                    lp + "/payBands/" + i + (field.isEmpty() ? "" : "/" + field),
                                    lf + ".payBands[" + i + "]" + (field.isEmpty() ? "" : "." + field),
                                    message));
                }
            }
            if (levelCount > MAX_LEVELS) {
                problem(
                        "/tiers",
                        "tiers",
                        "a ladder may have at most " + MAX_LEVELS + " levels (found " + levelCount + ")");
            }
        }

        checkBranches(doc, levelKeys);
        if (doc.areas() == null) {
            return;
        }
        var areaKeys = new HashSet<String>();
        var competencyKeys = new HashSet<String>();
        int competencyCount = 0;
        for (int a = 0; a < doc.areas().size(); a++) {
            var area = doc.areas().get(a);
            var p = "/areas/" + a;
            var f = "areas[" + a + "]";
            if (area == null) {
                problem(p, f, "is empty");
                continue;
            }
            key(
                    p + "/key",
                    f + ".key",
                    area.key(),
                    AREA_KEY,
                    "lower-case letters, digits and '-', at most 60",
                    areaKeys,
                    "area");
            requireText(p + "/name", f + ".name", area.name(), MAX_NAME);
            optionalText(p + "/description", f + ".description", area.description());
            if (area.competencies() == null) {
                continue;
            }
            for (int c = 0; c < area.competencies().size(); c++) {
                var comp = area.competencies().get(c);
                var cp = p + "/competencies/" + c;
                var cf = f + ".competencies[" + c + "]";
                competencyCount++;
                if (comp == null) {
                    problem(cp, cf, "is empty");
                    continue;
                }
                key(
                        cp + "/key",
                        cf + ".key",
                        comp.key(),
                        COMPETENCY_KEY,
                        "lower-case letters, digits and '-', at most 80",
                        competencyKeys,
                        "competency");
                requireText(cp + "/name", cf + ".name", comp.name(), MAX_NAME);
                optionalText(cp + "/description", cf + ".description", comp.description());
                if (comp.specializations() != null) {
                    var seen = new HashSet<String>();
                    for (int s = 0; s < comp.specializations().size(); s++) {
                        var tag = comp.specializations().get(s);
                        if (!LadderYaml.allowedSpecializations().contains(tag)) {
                            problem(
                                    cp + "/specializations/" + s,
                                    cf + ".specializations[" + s + "]",
                                    "'" + tag + "' is not a specialization; use one of "
                                            + LadderYaml.allowedSpecializations());
                        } else if (!seen.add(tag)) {
                            problem(
                                    cp + "/specializations/" + s,
                                    cf + ".specializations[" + s + "]",
                                    "'" + tag + "' is listed twice");
                        }
                    }
                }
                checkApplicability(cp, cf, comp);
                if (comp.expectations() == null) {
                    continue;
                }
                var levelsSeen = new HashSet<String>();
                for (int e = 0; e < comp.expectations().size(); e++) {
                    var exp = comp.expectations().get(e);
                    var ep = cp + "/expectations/" + e;
                    var ef = cf + ".expectations[" + e + "]";
                    if (exp == null) {
                        problem(ep, ef, "is empty");
                        continue;
                    }
                    if (exp.level() == null || exp.level().isBlank()) {
                        problem(ep + "/level", ef + ".level", "is missing");
                    } else if (!levelKeys.contains(exp.level())) {
                        problem(ep + "/level", ef + ".level", "'" + exp.level() + "' is not a level of this ladder");
                    } else if (!levelsSeen.add(exp.level())) {
                        problem(
                                ep + "/level",
                                ef + ".level",
                                "competency " + comp.key() + " has two expectations for " + exp.level());
                    }
                    boolean notExpected = Boolean.TRUE.equals(exp.notExpected());
                    if (notExpected && (exp.statement() != null || exp.examples() != null)) {
                        problem(ep, ef, "an expectation marked notExpected cannot also have a statement or examples");
                    } else if (exp.notExpected() != null && !notExpected) {
                        problem(ep + "/notExpected", ef + ".notExpected", "write notExpected: true or leave it out");
                    } else if (!notExpected) {
                        requireText(ep + "/statement", ef + ".statement", exp.statement(), MAX_TEXT);
                        optionalText(ep + "/examples", ef + ".examples", exp.examples());
                    }
                }
            }
        }
        if (competencyCount > MAX_COMPETENCIES) {
            problem("/areas", "areas", "a ladder may have at most " + MAX_COMPETENCIES + " competencies");
        }
    }

    /** The readiness rule, the tracks and which levels sit on them. */
    private void checkBranches(LadderDocument doc, Set<String> levelKeys) {
        var rule = doc.readinessRule();
        if (rule != null && rule.targetPercent() != null && (rule.targetPercent() < 0 || rule.targetPercent() > 100)) {
            problem(
                    "/readinessRule/targetPercent",
                    "readinessRule.targetPercent",
                    "must be between 0 and 100 (found " + rule.targetPercent() + ")");
        }
        var trackKeys = new HashSet<String>();
        if (doc.tracks() != null) {
            for (int t = 0; t < doc.tracks().size(); t++) {
                var track = doc.tracks().get(t);
                var p = "/tracks/" + t;
                var f = "tracks[" + t + "]";
                if (track == null) {
                    problem(p, f, "is empty");
                    continue;
                }
                key(
                        p + "/key",
                        f + ".key",
                        track.key(),
                        LEVEL_OR_TIER_KEY,
                        "upper-case letters, digits and '-', at most 40",
                        trackKeys,
                        "track");
                requireText(p + "/name", f + ".name", track.name(), MAX_NAME);
                optionalText(p + "/description", f + ".description", track.description());
                if (track.forksFrom() != null && !levelKeys.contains(track.forksFrom())) {
                    problem(
                            p + "/forksFrom",
                            f + ".forksFrom",
                            "'" + track.forksFrom() + "' is not a level of this ladder");
                }
            }
        }
        if (doc.tiers() == null) {
            return;
        }
        var trackOfLevel = new HashMap<String, String>();
        for (int t = 0; t < doc.tiers().size(); t++) {
            var tier = doc.tiers().get(t);
            if (tier == null || tier.levels() == null) {
                continue;
            }
            for (int l = 0; l < tier.levels().size(); l++) {
                var level = tier.levels().get(l);
                if (level == null) {
                    continue;
                }
                var lp = "/tiers/" + t + "/levels/" + l;
                var lf = "tiers[" + t + "].levels[" + l + "]";
                if (level.track() != null) {
                    if (!trackKeys.contains(level.track())) {
                        problem(
                                lp + "/track",
                                lf + ".track",
                                "'" + level.track() + "' is not a track of this ladder; declare it under tracks");
                    } else if (level.key() != null) {
                        trackOfLevel.put(level.key(), level.track());
                    }
                }
                if (level.electivesRequired() != null && level.electivesRequired() < 0) {
                    problem(lp + "/electivesRequired", lf + ".electivesRequired", "must be 0 or more");
                }
            }
        }
        if (doc.tracks() != null) {
            for (int t = 0; t < doc.tracks().size(); t++) {
                var track = doc.tracks().get(t);
                if (track != null
                        && track.forksFrom() != null
                        && track.key() != null
                        && track.key().equals(trackOfLevel.get(track.forksFrom()))) {
                    problem(
                            "/tracks/" + t + "/forksFrom",
                            "tracks[" + t + "].forksFrom",
                            "track " + track.key() + " cannot fork from its own level " + track.forksFrom());
                }
            }
        }
    }

    private void checkApplicability(String cp, String cf, LadderDocument.CompetencyDoc comp) {
        if (comp.applicability() != null && !APPLICABILITY.contains(comp.applicability())) {
            problem(
                    cp + "/applicability",
                    cf + ".applicability",
                    "'" + comp.applicability() + "' is not an applicability; use one of " + APPLICABILITY);
        } else if (Applicability.TRACK.name().equals(comp.applicability())
                && (comp.specializations() == null || comp.specializations().isEmpty())) {
            problem(
                    cp + "/applicability",
                    cf + ".applicability",
                    "a TRACK competency names the specializations it applies to under specializations");
        }
        if (comp.weight() != null && (comp.weight() < 1 || comp.weight() > 5)) {
            problem(cp + "/weight", cf + ".weight", "must be between 1 and 5 (found " + comp.weight() + ")");
        }
    }

    private void key(
            String pointer, String field, String value, Pattern pattern, String rule, Set<String> seen, String what) {
        if (value == null || value.isBlank()) {
            problem(pointer, field, "is missing");
        } else if (!pattern.matcher(value).matches()) {
            problem(pointer, field, "'" + value + "' is not a valid " + what + " key (" + rule + " characters)");
        } else if (!seen.add(value)) {
            problem(pointer, field, "the " + what + " key '" + value + "' is used twice");
        }
    }

    private void requireText(String pointer, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problem(pointer, field, "is missing");
        } else if (value.length() > max) {
            problem(pointer, field, "is longer than " + max + " characters");
        } else {
            controlCharacters(pointer, field, value);
        }
    }

    private void optionalText(String pointer, String field, String value) {
        if (value != null) {
            if (value.length() > MAX_TEXT) {
                problem(pointer, field, "is longer than " + MAX_TEXT + " characters");
            } else {
                controlCharacters(pointer, field, value);
            }
        }
    }

    private void controlCharacters(String pointer, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                problem(pointer, field, "contains a control character");
                return;
            }
        }
    }

    private void problem(String pointer, String field, String message) {
        if (problems.size() < 50) {
            problems.add(locator.where(pointer, field) + ": " + message + ".");
        } else if (problems.size() == 50) {
            problems.add("… more problems not shown; fix these first.");
        }
    }
}
