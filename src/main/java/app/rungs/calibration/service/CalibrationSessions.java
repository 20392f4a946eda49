package app.rungs.calibration.service;

import app.rungs.audit.service.AuditService;
import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.CalibrationSession;
import app.rungs.calibration.domain.CalibrationSessionRepository;
import app.rungs.calibration.domain.SessionParticipant;
import app.rungs.calibration.domain.SessionParticipantRepository;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.people.service.PersonRow;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.CaseRow;
import app.rungs.promotion.service.Cycles;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration sessions: the list a user may open, the scope a new session pulls in, creation, and one session's
 * header. Managers propose ratings for their people, then the committee calibrates together, live (see
 * {@link CalibrationBoard}), and the facilitator locks and an admin publishes the outcome ({@link SessionLifecycle}).
 * Who may see what is decided by {@link SessionAccess}.
 */
@Service
public class CalibrationSessions {

    static final int MAX_ENTRIES = 500;
    static final int MAX_NAME = 200;
    static final int CASE_PAGE = 200;
    private static final Pattern CYCLE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}$");

    private final CalibrationSessionRepository sessions;
    private final SessionParticipantRepository participants;
    private final CalibrationEntryRepository entries;
    private final SessionAccess access;
    private final PeopleService people;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final PromotionService promotions;
    private final AuditService audit;
    private final Clock clock;

    CalibrationSessions(
            CalibrationSessionRepository sessions,
            SessionParticipantRepository participants,
            CalibrationEntryRepository entries,
            SessionAccess access,
            PeopleService people,
            PersonDirectory directory,
            LadderService ladders,
            PromotionService promotions,
            AuditService audit,
            Clock clock) {
        this.sessions = sessions;
        this.participants = participants;
        this.entries = entries;
        this.access = access;
        this.people = people;
        this.directory = directory;
        this.ladders = ladders;
        this.promotions = promotions;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of the sessions the user may open: admins all, managers the ones they facilitate or take part in. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<SessionRow> find(Pageable page) {
        var me = CurrentUser.require();
        var request = PageRequest.of(page.getPageNumber(), page.getPageSize());
        var found = me.has(Role.ADMIN)
                ? sessions.findPage(request)
                : sessions.findPageOf(me.username(), me.personId() == null ? -1L : me.personId(), request);
        if (found.isEmpty()) {
            return List.of();
        }
        var counts = new HashMap<Long, long[]>();
        for (var row : entries.countsBySession(
                found.stream().map(CalibrationSession::getId).toList())) {
            counts.put((Long) row[0], new long[] {(Long) row[1], (Long) row[2], (Long) row[3]});
        }
        return found.stream()
                .map(s -> {
                    var c = counts.getOrDefault(s.getId(), new long[3]);
                    return new SessionRow(
                            s.getId(),
                            s.getName(),
                            s.getCycle(),
                            s.getStatus(),
                            s.getFacilitatorName(),
                            (int) c[0],
                            (int) c[1],
                            (int) c[2],
                            s.getCreatedAt());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public long count() {
        var me = CurrentUser.require();
        return me.has(Role.ADMIN)
                ? sessions.count()
                : sessions.countOf(me.username(), me.personId() == null ? -1L : me.personId());
    }

    /** Teams, levels (in ladder order), the default rating scale and the current cycle, for the creation form. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public ScopeOptions scopeOptions() {
        var levels = new LinkedHashSet<String>();
        for (var ladder : ladders.list()) {
            if (!ladder.retired() && ladder.publishedVersionId() != null) {
                ladders.published(ladder.id()).ifPresent(c -> c.levels().forEach(l -> levels.add(l.key())));
            }
        }
        return new ScopeOptions(
                people.teams(), List.copyOf(levels), RatingScale.DEFAULT, Cycles.of(LocalDate.now(clock)));
    }

    /** Who a scope would pull in, for the creation form; a manager's scope is limited to their reporting line. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public ScopePreview preview(Set<Long> teamIds, Set<String> levelKeys) {
        if (isEmpty(teamIds) && isEmpty(levelKeys)) {
            return new ScopePreview(0, List.of());
        }
        var scope = resolveScope(teamIds, levelKeys, Set.of());
        var byManager = new LinkedHashMap<Long, ScopePreview.ManagerCount>();
        for (var p : scope.engineers()) {
            byManager.merge(
                    p.managerId(),
                    new ScopePreview.ManagerCount(p.managerId(), p.managerName(), 1),
                    (a, b) -> new ScopePreview.ManagerCount(a.managerId(), a.managerName(), a.engineers() + 1));
        }
        var managers = byManager.values().stream()
                .sorted(Comparator.comparing(ScopePreview.ManagerCount::managerName))
                .toList();
        return new ScopePreview(scope.engineers().size(), managers);
    }

    private record Scope(List<PersonRow> engineers, Map<Long, String> participants) {}

    /**
     * The engineers of a scope and the participants: the managers of those engineers plus the chosen ones. The
     * committee is never calibrated in its own session: participants and the facilitator are left out of the
     * engineers.
     */
    private Scope resolveScope(Set<Long> teamIds, Set<String> levelKeys, Set<Long> extraParticipantIds) {
        var me = CurrentUser.require();
        var found =
                people.activeInScope(teamIds == null ? Set.of() : teamIds, levelKeys == null ? Set.of() : levelKeys);
        var committee = new LinkedHashMap<Long, String>();
        for (var p : found) {
            committee.putIfAbsent(p.managerId(), p.managerName());
        }
        if (extraParticipantIds != null) {
            for (var id : extraParticipantIds) {
                if (id != null && !committee.containsKey(id)) {
                    // Participants are chosen among all colleagues (like reviewers of a promotion case).
                    var person = directory.require(id);
                    if (!person.active()) {
                        throw new ValidationException(person.fullName() + " has left the organization.");
                    }
                    committee.put(id, person.fullName());
                }
            }
        }
        var excluded = new HashSet<>(committee.keySet());
        if (me.personId() != null) {
            excluded.add(me.personId());
            committee.remove(me.personId());
        }
        var engineers = found.stream().filter(p -> !excluded.contains(p.id())).toList();
        return new Scope(engineers, committee);
    }

    /**
     * Creates a session in PREPARING with the signed-in user as facilitator, pulling in the engineers of the scope
     * and linking each one's open promotion case of the cycle.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Long create(NewSession input) {
        var me = CurrentUser.require();
        var problems = new ArrayList<String>();
        var name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            problems.add("Give the session a name, like \"2026-H2 Storage & Streaming\".");
        } else if (name.length() > MAX_NAME) {
            problems.add("A session name is at most " + MAX_NAME + " characters long.");
        }
        var cycle = input.cycle() == null ? "" : input.cycle().strip();
        if (!CYCLE.matcher(cycle).matches()) {
            problems.add("Give the cycle as 2 to 20 letters, digits, spaces, dots, dashes or underscores, like "
                    + Cycles.of(LocalDate.now(clock)) + ".");
        }
        var scale = RatingScale.check(input.ratingScale(), problems);
        if (isEmpty(input.teamIds()) && isEmpty(input.levelKeys())) {
            problems.add("Choose the teams, the levels, or both, whose engineers this session calibrates.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var scope = resolveScope(input.teamIds(), input.levelKeys(), input.extraParticipantIds());
        if (scope.engineers().isEmpty()) {
            throw new ValidationException("No active engineer with a manager matches this scope"
                    + (me.has(Role.ADMIN) ? "." : " in your reporting line."));
        }
        if (scope.engineers().size() > MAX_ENTRIES) {
            throw new ValidationException("A session calibrates at most " + MAX_ENTRIES + " engineers; this scope has "
                    + scope.engineers().size() + ". Split it by team or level.");
        }
        var teamNames = new ArrayList<String>();
        var teamIds = new ArrayList<Long>();
        if (!isEmpty(input.teamIds())) {
            for (var t : people.teams()) {
                if (input.teamIds().contains(t.id())) {
                    teamIds.add(t.id());
                    teamNames.add(t.name());
                }
            }
        }
        var levelKeys = isEmpty(input.levelKeys())
                ? List.<String>of()
                : input.levelKeys().stream().sorted().toList();
        var now = Instant.now(clock);
        var session = sessions.save(new CalibrationSession(
                name,
                cycle,
                scale,
                teamIds,
                teamNames,
                levelKeys,
                me.username(),
                me.displayName(),
                me.personId(),
                now));
        scope.participants()
                .forEach(
                        (id, personName) -> participants.save(new SessionParticipant(session.getId(), id, personName)));
        var cases = casesOfCycle(cycle);
        for (var p : scope.engineers()) {
            var entry = new CalibrationEntry(
                    session.getId(),
                    p.id(),
                    p.fullName(),
                    p.teamId(),
                    p.teamName(),
                    p.managerId(),
                    p.managerName(),
                    p.ladderId(),
                    p.levelKey(),
                    p.levelSince(),
                    now);
            var open = cases.get(p.id());
            if (open != null) {
                entry.linkCase(open.id(), open.targetLevelKey(), now);
            }
            entries.save(entry);
        }
        entries.flush();
        var after = new LinkedHashMap<String, Object>();
        after.put("name", name);
        after.put("cycle", cycle);
        after.put("teams", teamNames);
        after.put("levels", levelKeys);
        after.put("scale", scale);
        after.put("participants", List.copyOf(scope.participants().values()));
        after.put("engineers", scope.engineers().size());
        audit.record(
                "CALIBRATION_CREATED",
                "CalibrationSession",
                session.getId(),
                "Created calibration session " + name + " (" + cycle + ", "
                        + scope.engineers().size() + " engineers)",
                null,
                after);
        return session.getId();
    }

    /** A session's header and what the user may do with it. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public SessionDetails session(Long sessionId) {
        return SessionAccess.details(access.of(sessionId));
    }

    /**
     * The open promotion cases of a cycle by engineer, as the user sees them: a manager's scope is their own
     * reporting line, whose cases they see anyway.
     */
    private Map<Long, CaseRow> casesOfCycle(String cycle) {
        var open = new HashMap<Long, CaseRow>();
        for (int page = 0; ; page++) {
            var rows = promotions.find(new CaseFilter(null, null, cycle, null), PageRequest.of(page, CASE_PAGE));
            for (var r : rows) {
                if (r.status().open()) {
                    open.putIfAbsent(r.engineerId(), r);
                }
            }
            if (rows.size() < CASE_PAGE) {
                return open;
            }
        }
    }

    private static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }
}
