package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.EntryChangeRepository;
import app.rungs.evidence.service.CoverageQueries;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board of a session: the entries the user may see with their levels, promotion cases, evidence readiness and
 * last cycle's outcome; one entry again for a board that heard of its change; an entry's history; candidates side by
 * side; and the results as CSV. Who sees which entries is {@link SessionAccess}'s decision.
 */
@Service
public class CalibrationBoard {

    private final CalibrationEntryRepository entries;
    private final EntryChangeRepository changes;
    private final SessionAccess access;
    private final CommitteeReads committee;
    private final LadderService ladders;
    private final CoverageQueries coverage;

    CalibrationBoard(
            CalibrationEntryRepository entries,
            EntryChangeRepository changes,
            SessionAccess access,
            CommitteeReads committee,
            LadderService ladders,
            CoverageQueries coverage) {
        this.entries = entries;
        this.changes = changes;
        this.access = access;
        this.committee = committee;
        this.ladders = ladders;
        this.coverage = coverage;
    }

    /**
     * The board: the entries the user may see with their levels, cases, readiness and last cycle's outcome, in a
     * number of statements that does not grow with the number of engineers.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Board board(Long sessionId) {
        var a = access.of(sessionId);
        return load(a, access.visibleEntries(a));
    }

    private Board load(Access a, List<BoardEntry> list) {
        var contents = contents(list);
        var cases = caseInfo(a.session().getCycle(), list);
        return new Board(
                SessionAccess.details(a),
                list,
                levelGroups(list, contents),
                cases,
                readiness(list, cases, contents),
                lastCycle(a.session().getId(), list));
    }

    /** One entry as it is now, for a board that heard of its change. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry entry(Long sessionId, Long entryId) {
        var e = entries.findById(entryId)
                .filter(x -> x.getSessionId().equals(sessionId))
                .orElseThrow(SessionAccess::entryNotFound);
        var a = access.of(sessionId);
        access.requireVisible(a, e);
        return BoardEntry.of(e);
    }

    /** The history of an entry, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<ChangeRow> history(Long entryId) {
        var e = entries.findById(entryId).orElseThrow(SessionAccess::entryNotFound);
        access.requireVisible(access.of(e.getSessionId()), e);
        return changes.findByEntry(entryId).stream()
                .map(c -> new ChangeRow(
                        c.getChangedAt(), c.getActorName(), c.getField(), c.getFromValue(), c.getToValue()))
                .toList();
    }

    /** Two to four candidates side by side, with the packet summary of their promotion cases. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Comparison compare(Long sessionId, List<Long> entryIds) {
        var ids = entryIds == null
                ? List.<Long>of()
                : entryIds.stream().distinct().toList();
        if (ids.size() < 2 || ids.size() > 4) {
            throw new ValidationException("Choose two to four engineers to compare.");
        }
        var a = access.of(sessionId);
        var chosen = access.visibleEntries(a).stream()
                .filter(e -> ids.contains(e.id()))
                .sorted(Comparator.comparing(e -> ids.indexOf(e.id())))
                .toList();
        if (chosen.size() != ids.size()) {
            throw SessionAccess.entryNotFound();
        }
        var board = load(a, chosen);
        var candidates = new ArrayList<Comparison.Candidate>();
        for (var e : board.entries()) {
            var promotionCase = board.cases().get(e.personId());
            candidates.add(new Comparison.Candidate(
                    e,
                    board.level(e.levelKey()).orElse(null),
                    board.readiness().get(e.personId()),
                    board.lastCycle().get(e.personId()),
                    promotionCase,
                    promotionCase == null ? null : committee.packetSummary(promotionCase.caseId())));
        }
        return new Comparison(candidates);
    }

    /** The session's results as CSV, for the committee. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public byte[] exportCsv(Long sessionId) {
        var a = access.of(sessionId);
        var all = access.visibleEntries(a);
        return CalibrationCsv.write(all, lastCycle(sessionId, all));
    }

    private Map<Long, LadderContent> contents(List<BoardEntry> list) {
        var ladderIds = new HashSet<Long>();
        for (var e : list) {
            ladderIds.add(e.ladderId());
        }
        var map = new HashMap<Long, LadderContent>();
        for (var id : ladderIds) {
            if (id != null) {
                ladders.published(id).ifPresent(c -> map.put(id, c));
            }
        }
        return map;
    }

    private List<Board.LevelGroup> levelGroups(List<BoardEntry> list, Map<Long, LadderContent> contents) {
        var groups = new LinkedHashMap<String, Board.LevelGroup>();
        int ladderIndex = 0;
        for (var content : contents.values().stream()
                .sorted(Comparator.comparing(c -> c.version().ladderName()))
                .toList()) {
            for (var level : content.levels()) {
                var tier = content.tier(level.tierKey());
                groups.putIfAbsent(
                        level.key(),
                        new Board.LevelGroup(
                                level.key(),
                                level.title(),
                                level.tierKey(),
                                tier.map(LadderContent.TierView::name).orElse(level.tierKey()),
                                ladderIndex * 1000
                                        + tier.map(LadderContent.TierView::position)
                                                .orElse(0),
                                ladderIndex * 1000 + level.position()));
            }
            ladderIndex++;
        }
        for (var e : list) {
            groups.putIfAbsent(
                    e.levelKey(),
                    new Board.LevelGroup(e.levelKey(), e.levelKey(), "", "Other levels", 999_999, 999_999));
        }
        var used = list.stream().map(BoardEntry::levelKey).collect(Collectors.toSet());
        return groups.values().stream()
                .filter(g -> used.contains(g.levelKey()))
                .sorted(Comparator.comparingInt(Board.LevelGroup::position))
                .toList();
    }

    /** Per engineer: the case linked to the entry (whatever its status now), else their open case of the cycle. */
    private Map<Long, Board.CaseInfo> caseInfo(String cycle, List<BoardEntry> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        var cases =
                committee.casesOf(cycle, list.stream().map(BoardEntry::personId).toList());
        var map = new HashMap<Long, Board.CaseInfo>();
        for (var e : list) {
            var row = e.caseId() != null
                    ? cases.byId().get(e.caseId())
                    : cases.open().get(e.personId());
            if (row != null) {
                map.put(e.personId(), new Board.CaseInfo(row.id(), row.targetLevelKey(), row.status()));
            }
        }
        return map;
    }

    private Map<Long, Board.LastOutcome> lastCycle(Long sessionId, List<BoardEntry> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        var map = new HashMap<Long, Board.LastOutcome>();
        for (var row : entries.findLastPublished(
                sessionId, list.stream().map(BoardEntry::personId).toList())) {
            map.put(((Number) row[0]).longValue(), Board.LastOutcome.of(row));
        }
        return map;
    }

    /**
     * Evidence readiness per engineer, for all of them at once, under each ladder version's readiness rule and the
     * engineer's path: of the case's target level, or of the next level on their path without a case. Engineers whose
     * ladder or level cannot be measured are left without.
     */
    private Map<Long, Board.Readiness> readiness(
            List<BoardEntry> list, Map<Long, Board.CaseInfo> cases, Map<Long, LadderContent> contents) {
        var targets = new HashMap<Long, String>();
        for (var e : list) {
            var promotionCase = cases.get(e.personId());
            var content = contents.get(e.ladderId());
            if (promotionCase != null) {
                if (content == null
                        || content.level(promotionCase.targetLevelKey()).isPresent()) {
                    targets.put(e.personId(), promotionCase.targetLevelKey());
                }
            } else if (content != null) {
                // The next level on the engineer's own path (their track); coverage finds it, forks included.
                targets.put(e.personId(), null);
            }
        }
        var map = new HashMap<Long, Board.Readiness>();
        coverage.readiness(targets)
                .forEach((personId, c) -> map.put(
                        personId,
                        new Board.Readiness(
                                c.levelKey(),
                                c.readiness().targetLevelKey() == null
                                        ? c.percent()
                                        : c.readiness().percent(),
                                c.acknowledged(),
                                c.expectations(),
                                c.readiness().ready(),
                                checklist(c.readiness()))));
        return map;
    }

    /** The rule's parts in one line for the board's tooltip: "✓ Every core … · ✗ At least 60% … (12 of 31 …)". */
    private static String checklist(app.rungs.evidence.service.Readiness r) {
        if (r.parts().isEmpty()) {
            return "No track chosen at a fork: no next level to measure";
        }
        var parts = new java.util.ArrayList<String>();
        for (var p : r.parts()) {
            parts.add((p.met() ? "✓ " : "✗ ") + p.label() + " (" + p.numbers() + ")");
        }
        return String.join("\n", parts);
    }
}
