package app.rungs.ladder.service;

import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a CSV ladder file is read as a spreadsheet, beside the rows it builds ({@link LadderCsvRows}) and the branch
 * columns ({@link LadderCsvBranches}): blank cells filled down from the row above, and names that look like typos of
 * other names in the file or the ladder.
 */
final class LadderCsvSheetRules {

    private LadderCsvSheetRules() {}

    /**
     * Fill-down: a blank tier, level, area or competency cell means "the same as the row above" wherever the row needs
     * one (a level needs its tier; an expectation needs its level and competency; a competency needs its area), so a
     * spreadsheet can name each block once. Naming a different tier or area starts a new block: the level or
     * competency above is not carried into it.
     */
    static final class FillDown {

        private String aboveTier = "";
        private String aboveLevel = "";
        private String aboveArea = "";
        private String aboveCompetency = "";

        /** Fills blank cells from the row above where this row needs them, then remembers this row for the next. */
        void fill(String[] cells) {
            boolean expectationLike = !cells[LadderCsv.EXPECTATION].isBlank() || !cells[LadderCsv.EXAMPLES].isBlank();
            var tier = cells[LadderCsv.TIER];
            var area = cells[LadderCsv.AREA];
            if (!tier.isBlank() && !tier.equals(aboveTier)) {
                aboveLevel = "";
            }
            if (!area.isBlank() && !area.equals(aboveArea)) {
                aboveCompetency = "";
            }
            if (cells[LadderCsv.LEVEL].isBlank() && expectationLike && (tier.isBlank() || tier.equals(aboveTier))) {
                cells[LadderCsv.LEVEL] = aboveLevel;
            }
            if (tier.isBlank() && !cells[LadderCsv.LEVEL].isBlank()) {
                cells[LadderCsv.TIER] = aboveTier;
            }
            if (cells[LadderCsv.COMPETENCY].isBlank()
                    && expectationLike
                    && (area.isBlank() || area.equals(aboveArea))) {
                cells[LadderCsv.COMPETENCY] = aboveCompetency;
            }
            if (area.isBlank() && !cells[LadderCsv.COMPETENCY].isBlank()) {
                cells[LadderCsv.AREA] = aboveArea;
            }
            if (!cells[LadderCsv.TIER].isBlank()) {
                aboveTier = cells[LadderCsv.TIER];
            }
            if (!cells[LadderCsv.LEVEL].isBlank()) {
                aboveLevel = cells[LadderCsv.LEVEL];
            }
            if (!cells[LadderCsv.AREA].isBlank()) {
                aboveArea = cells[LadderCsv.AREA];
            }
            if (!cells[LadderCsv.COMPETENCY].isBlank()) {
                aboveCompetency = cells[LadderCsv.COMPETENCY];
            }
        }
    }

    /**
     * Names in the file that look like typos of other names in the file or of the ladder the file updates ("did you
     * mean …"), per kind of part, levels first.
     */
    static List<NearMiss.Problem> typos(
            List<NearMiss.Named> levels,
            List<NearMiss.Named> competencies,
            List<NearMiss.Named> areas,
            List<NearMiss.Named> tiers,
            Collection<LevelDoc> baseLevels,
            Collection<CompetencyDoc> baseCompetencies,
            Collection<AreaDoc> baseAreas,
            Collection<TierDoc> baseTiers) {
        var problems = new ArrayList<NearMiss.Problem>();
        problems.addAll(NearMiss.check(
                "level",
                "level",
                levels,
                baseLevels.stream()
                        .map(l -> new NearMiss.Named(l.key(), l.title(), l.title(), List.of()))
                        .toList()));
        problems.addAll(NearMiss.check(
                "competency",
                "competency",
                competencies,
                baseCompetencies.stream()
                        .map(c -> new NearMiss.Named(c.key(), c.name(), c.name(), List.of()))
                        .toList()));
        problems.addAll(NearMiss.check(
                "area",
                "area",
                areas,
                baseAreas.stream()
                        .map(a -> new NearMiss.Named(a.key(), a.name(), a.name(), List.of()))
                        .toList()));
        problems.addAll(NearMiss.check(
                "tier",
                "tier",
                tiers,
                baseTiers.stream()
                        .map(t -> new NearMiss.Named(t.key(), t.name(), t.name(), List.of()))
                        .toList()));
        return problems;
    }
}
