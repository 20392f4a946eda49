package app.rungs.promotion.service;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.Coverage;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.ladder.service.LadderContent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts a packet together from the ladder (what the target level asks, inherited expectations included), the
 * evidence coverage (which items speak to which expectation, by the evidence feature's own rule), the dates of the
 * acknowledged items, and the manager's narratives and "not met" marks.
 */
final class PacketBuilder {

    /** "Data infrastructure · shared line": the engineer's specialization and track, as the packet states it. */
    private static final class CoverageTexts {
        static String pathOf(Coverage c) {
            var specialization = c.path().specialization() == null
                    ? "generalist"
                    : c.path().specialization().label();
            return specialization + " · " + (c.trackName() == null ? "shared line" : c.trackName() + " track");
        }
    }

    private PacketBuilder() {}

    /**
     * @param coverage null when the engineer's evidence cannot be read against this ladder (e.g. they moved to
     *     another ladder); the packet then lists the expectations without evidence
     */
    static Packet build(
            LadderContent ladder,
            String currentLevelKey,
            String targetLevelKey,
            Coverage coverage,
            List<EvidenceRow> acknowledged,
            Map<String, String> narratives,
            Map<String, String> notMet,
            Instant now) {
        var byCompetency = coverage == null
                ? Map.<String, Coverage.Line>of()
                : coverage.lines().stream()
                        .collect(Collectors.toMap(Coverage.Line::competencyKey, Function.identity(), (a, b) -> a));
        var dates = new HashMap<Long, LocalDate>();
        for (var row : acknowledged) {
            dates.put(row.id(), row.occurredOn());
        }
        var areaNames = ladder.areas().stream()
                .collect(Collectors.toMap(LadderContent.AreaView::key, LadderContent.AreaView::name));
        var linesByArea = new HashMap<String, List<Packet.Line>>();
        var missing = new ArrayList<Packet.Missing>();
        var marked = new ArrayList<Packet.Missing>();
        int met = 0;
        // The engineer's path decides what the target asks (coverage knows it); waived competencies count nowhere.
        var requirements = ladder.level(targetLevelKey).isEmpty()
                ? List.<LadderContent.Resolved>of()
                : coverage == null
                        ? ladder.requirementsOf(targetLevelKey)
                        : ladder.requirementsOf(targetLevelKey, coverage.path()).stream()
                                .filter(r -> byCompetency.get(r.competency().key()) == null
                                        || !byCompetency
                                                .get(r.competency().key())
                                                .notApplicable())
                                .toList();
        var waived = new ArrayList<Packet.Missing>();
        if (coverage != null) {
            for (var l : coverage.lines()) {
                if (l.notApplicable()) {
                    waived.add(new Packet.Missing(
                            l.competencyKey(),
                            l.competencyName(),
                            l.areaName(),
                            l.statement(),
                            l.waiver().decisionComment() == null
                                    ? l.waiver().reason()
                                    : l.waiver().decisionComment()));
                }
            }
        }
        for (var r : requirements) {
            var competency = r.competency();
            var covered = byCompetency.get(competency.key());
            var refs = covered == null ? List.<Coverage.Ref>of() : covered.evidence();
            var evidence = refs.stream()
                    .filter(ref -> ref.status() == EvidenceStatus.ACKNOWLEDGED)
                    .map(ref -> new Packet.EvidenceRef(
                            ref.id(), ref.title(), ref.type().label(), dates.get(ref.id()), ref.levelKey()))
                    .sorted(Comparator.comparing(
                                    Packet.EvidenceRef::occurredOn, Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(Packet.EvidenceRef::id))
                    .toList();
            int pending = (int) refs.stream()
                    .filter(ref -> ref.status() != EvidenceStatus.ACKNOWLEDGED)
                    .count();
            var line = new Packet.Line(
                    competency.key(),
                    competency.name(),
                    r.expectation().statement(),
                    r.definedAt().key(),
                    r.inherited(),
                    evidence,
                    pending,
                    notMet.get(competency.key()));
            linesByArea
                    .computeIfAbsent(competency.areaKey(), k -> new ArrayList<>())
                    .add(line);
            var areaName = areaNames.getOrDefault(competency.areaKey(), competency.areaKey());
            if (line.counts()) {
                met++;
            }
            if (!line.backed()) {
                missing.add(new Packet.Missing(competency.key(), competency.name(), areaName, line.statement(), null));
            }
            if (line.notMet() != null) {
                marked.add(new Packet.Missing(
                        competency.key(), competency.name(), areaName, line.statement(), line.notMet()));
            }
        }
        var areas = ladder.areas().stream()
                .sorted(Comparator.comparingInt(LadderContent.AreaView::position))
                .filter(a -> linesByArea.containsKey(a.key()))
                .map(a -> new Packet.Area(
                        a.key(), a.name(), narratives.get(a.key()), List.copyOf(linesByArea.get(a.key()))))
                .toList();
        var current = ladder.level(currentLevelKey);
        var target = ladder.level(targetLevelKey);
        return new Packet(
                ladder.version().ladderName(),
                currentLevelKey,
                current.map(LadderContent.LevelView::title).orElse(currentLevelKey),
                targetLevelKey,
                target.map(LadderContent.LevelView::title).orElse(targetLevelKey),
                areas,
                new Packet.Readiness(
                        requirements.size(),
                        met,
                        List.copyOf(missing),
                        List.copyOf(marked),
                        coverage == null ? null : CoverageTexts.pathOf(coverage),
                        coverage == null
                                ? List.of()
                                : coverage.readiness().parts().stream()
                                        .map(part -> new Packet.Check(part.label(), part.met(), part.numbers()))
                                        .toList(),
                        List.copyOf(waived)),
                false,
                now);
    }

    /** A packet for a ladder that is no longer published: the header only. */
    static Packet empty(String currentLevelKey, String targetLevelKey, Instant now) {
        return new Packet(
                "",
                currentLevelKey,
                currentLevelKey,
                targetLevelKey,
                targetLevelKey,
                List.of(),
                new Packet.Readiness(0, 0, List.of(), List.of(), null, List.of(), List.of()),
                false,
                now);
    }
}
