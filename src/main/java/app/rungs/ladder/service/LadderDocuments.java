package app.rungs.ladder.service;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.RuleDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import app.rungs.ladder.service.LadderDocument.TrackDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between stored ladder content and its file form. */
final class LadderDocuments {

    private LadderDocuments() {}

    static LadderDocument toDocument(LadderContent content) {
        var tiers = content.tiers().stream()
                .map(t -> new TierDoc(
                        t.key(),
                        t.name(),
                        t.description(),
                        content.levelsOf(t.key()).stream()
                                .map(l -> new LevelDoc(
                                        l.key(),
                                        l.title(),
                                        l.scope(),
                                        l.impact(),
                                        l.typicalExperience(),
                                        l.trackKey(),
                                        l.electivesRequired() == 0 ? null : l.electivesRequired()))
                                .toList()))
                .toList();
        var levelOrder =
                content.levels().stream().map(LadderContent.LevelView::key).toList();
        var areas = content.areas().stream()
                .map(a -> new AreaDoc(
                        a.key(),
                        a.name(),
                        a.description(),
                        content.competenciesOf(a.key()).stream()
                                .map(c -> new CompetencyDoc(
                                        c.key(),
                                        c.name(),
                                        c.description(),
                                        c.specializations().isEmpty()
                                                ? null
                                                : c.specializations().stream()
                                                        .map(Enum::name)
                                                        .toList(),
                                        expectationsOf(content, c.key(), levelOrder),
                                        c.applicability() == Applicability.CORE
                                                ? null
                                                : c.applicability().name(),
                                        c.weight() == 1 ? null : c.weight()))
                                .toList()))
                .toList();
        return new LadderDocument(
                LadderDocument.SCHEMA,
                content.version().ladderName(),
                content.version().ladderDescription(),
                RuleDoc.of(content.rule()),
                content.tracks().isEmpty()
                        ? null
                        : content.tracks().stream()
                                .map(t -> new TrackDoc(t.key(), t.name(), t.description(), t.forksFromLevelKey()))
                                .toList(),
                tiers,
                areas);
    }

    private static List<ExpectationDoc> expectationsOf(
            LadderContent content, String competencyKey, List<String> levelOrder) {
        var list = content.expectations().stream()
                .filter(e -> e.competencyKey().equals(competencyKey))
                .sorted(java.util.Comparator.comparingInt(e -> levelOrder.indexOf(e.levelKey())))
                .map(e -> e.kind() == ExpectationKind.NOT_EXPECTED
                        ? new ExpectationDoc(e.levelKey(), null, null, true)
                        : new ExpectationDoc(e.levelKey(), e.statement(), e.examples(), null))
                .toList();
        return list.isEmpty() ? null : list;
    }

    /** A compact description of a document's structure for the audit log. */
    static Map<String, Object> summary(LadderDocument doc) {
        var map = new LinkedHashMap<String, Object>();
        map.put("tiers", doc.tiers().stream().map(TierDoc::key).toList());
        map.put(
                "levels",
                doc.tiers().stream()
                        .flatMap(t -> t.levels().stream())
                        .map(LevelDoc::key)
                        .toList());
        map.put(
                "tracks",
                doc.tracks() == null
                        ? List.of()
                        : doc.tracks().stream().map(TrackDoc::key).toList());
        map.put(
                "areas",
                doc.areas() == null
                        ? List.of()
                        : doc.areas().stream().map(AreaDoc::key).toList());
        map.put(
                "competencies",
                doc.areas() == null
                        ? 0
                        : doc.areas().stream()
                                .mapToInt(a -> a.competencies() == null
                                        ? 0
                                        : a.competencies().size())
                                .sum());
        return map;
    }
}
