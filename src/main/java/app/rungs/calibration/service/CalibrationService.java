package app.rungs.calibration.service;

import app.rungs.audit.service.AuditService;
import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.CalibrationSession;
import app.rungs.calibration.domain.CalibrationSessionRepository;
import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.EntryChange;
import app.rungs.calibration.domain.EntryChangeRepository;
import app.rungs.calibration.domain.EntryField;
import app.rungs.calibration.domain.PresenceRepository;
import app.rungs.calibration.domain.SessionParticipant;
import app.rungs.calibration.domain.SessionParticipantRepository;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.SessionDetails.Action;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonRow;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.CaseRow;
import app.rungs.promotion.service.Cycles;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.RungsUser;
import app.rungs.shared.live.LiveEvents;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calibration sessions: managers propose ratings for their people, then calibrate together, live, and the
 * facilitator locks and an admin publishes the outcome.
 *
 * <p><b>Who sees what.</b> A session belongs to its committee: the facilitator, the participating managers and
 * admins; anyone else gets {@link NotFoundException}. While the session is PREPARING, a participant sees and
 * proposes only for the engineers of their own reporting line (the facilitator and admins see everyone); from the
 * session on, the whole committee sees every entry. Once the service has established that the user belongs to the
 * committee, it reads the engineers' promotion cases and evidence coverage with the system identity, as the
 * committee discusses engineers outside each manager's own line. Engineers never see entries; they see their
 * {@link Outcome} (final rating, promotion decision and feedback, never the notes) once the session is published.
 *
 * <p><b>Lifecycle.</b> PREPARING → IN_SESSION (facilitator or admin; proposals become the starting final ratings and
 * submitted promotion cases of the session's cycle move into calibration) → LOCKED (facilitator or admin; every
 * engineer rated and every case decided) → PUBLISHED (admins only, as publishing changes levels through
 * {@link PromotionService#applyCalibrationDecision}, an admin action). A locked session can be reopened.
 *
 * <p><b>Concurrency and live updates.</b> Entries carry a version; an editor passes the version it loaded and a stale
 * one gets a {@link RatingConflictException} that says who changed what. Every committed change is announced through
 * {@link LiveEvents} on the topic {@code calibration-<sessionId>} (the entry id, "session" or "presence"), so boards
 * on every instance update within moments.
 */
@Service
public class CalibrationService {

    static final int MAX_ENTRIES = 500;
    static final int MAX_TEXT = 4_000;
    static final int MAX_NAME = 200;
    static final int VIEWER_SECONDS = 30;
    static final int CASE_PAGE = 200;
    private static final Pattern CYCLE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}$");
    private static final Pattern VIEWER_ID = Pattern.compile("^[A-Za-z0-9-]{8,40}$");

    private final CalibrationSessionRepository sessions;
    private final SessionParticipantRepository participants;
    private final CalibrationEntryRepository entries;
    private final EntryChangeRepository changes;
    private final PresenceRepository presence;
    private final PeopleService people;
    private final LadderService ladders;
    private final EvidenceService evidence;
    private final PromotionService promotions;
    private final NotificationService notifications;
    private final AuditService audit;
    private final LiveEvents live;
    private final ReadinessCache readinessCache;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    CalibrationService(
            CalibrationSessionRepository sessions,
            SessionParticipantRepository participants,
            CalibrationEntryRepository entries,
            EntryChangeRepository changes,
            PresenceRepository presence,
            PeopleService people,
            LadderService ladders,
            EvidenceService evidence,
            PromotionService promotions,
            NotificationService notifications,
            AuditService audit,
            LiveEvents live,
            ReadinessCache readinessCache,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.participants = participants;
        this.entries = entries;
        this.changes = changes;
        this.presence = presence;
        this.people = people;
        this.ladders = ladders;
        this.evidence = evidence;
        this.promotions = promotions;
        this.notifications = notifications;
        this.audit = audit;
        this.live = live;
        this.readinessCache = readinessCache;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // ---------------------------------------------------------------- sessions list and creation

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
                    var person = AsSystem.call(() -> people.details(id));
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
            var open = cases.open().get(p.id());
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

    // ---------------------------------------------------------------- reading one session

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public SessionDetails session(Long sessionId) {
        return details(access(sessionId));
    }

    /**
     * The board: the entries the user may see with their levels, cases, readiness and last cycle's outcome. The
     * coverage of each engineer is computed once through the evidence service and kept for a short while in the
     * {@link ReadinessCache}; everything else takes a fixed number of queries.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Board board(Long sessionId) {
        var base = readOnly.execute(status -> {
            var a = access(sessionId);
            var list = visibleEntries(a);
            var contents = contents(list);
            return new BoardBase(
                    new Board(
                            details(a),
                            list,
                            levelGroups(list, contents),
                            caseInfo(a.session().getCycle(), list),
                            Map.of(),
                            lastCycle(sessionId, list)),
                    contents);
        });
        var board = base.board();
        return board.withReadiness(readiness(board.entries(), board.cases(), base.contents()));
    }

    private record BoardBase(Board board, Map<Long, LadderContent> contents) {}

    /** One entry as it is now, for a board that heard of its change. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry entry(Long sessionId, Long entryId) {
        var e = entries.findById(entryId)
                .filter(x -> x.getSessionId().equals(sessionId))
                .orElseThrow(CalibrationService::entryNotFound);
        var a = access(sessionId);
        requireVisible(a, e);
        return toEntry(e);
    }

    /** The preparation page: progress per manager, and the entries the user may propose for. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Preparation preparation(Long sessionId) {
        var a = access(sessionId);
        var all = entries.findBySession(sessionId);
        var progress = new LinkedHashMap<Long, Preparation.ManagerProgress>();
        for (var e : all) {
            var key = e.getManagerId() == null ? -1L : e.getManagerId();
            var current = progress.getOrDefault(
                    key,
                    new Preparation.ManagerProgress(
                            e.getManagerId(), e.getManagerName() == null ? "No manager" : e.getManagerName(), 0, 0));
            progress.put(
                    key,
                    new Preparation.ManagerProgress(
                            current.managerId(),
                            current.managerName(),
                            current.proposed() + (e.getProposedRating() == null ? 0 : 1),
                            current.total() + 1));
        }
        var mine =
                mayProposeFor(a, all).stream().map(CalibrationService::toEntry).toList();
        return new Preparation(
                details(a),
                progress.values().stream()
                        .sorted(Comparator.comparing(Preparation.ManagerProgress::managerName))
                        .toList(),
                mine);
    }

    /** The history of an entry, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<ChangeRow> history(Long entryId) {
        var e = entries.findById(entryId).orElseThrow(CalibrationService::entryNotFound);
        requireVisible(access(e.getSessionId()), e);
        return changes.findByEntry(entryId).stream()
                .map(c -> new ChangeRow(
                        c.getChangedAt(), c.getActorName(), c.getField(), c.getFromValue(), c.getToValue()))
                .toList();
    }

    /** Two to four candidates side by side, with the packet summary of their promotion cases. */
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Comparison compare(Long sessionId, List<Long> entryIds) {
        var ids = entryIds == null
                ? List.<Long>of()
                : entryIds.stream().distinct().toList();
        if (ids.size() < 2 || ids.size() > 4) {
            throw new ValidationException("Choose two to four engineers to compare.");
        }
        var base = readOnly.execute(status -> {
            var a = access(sessionId);
            var chosen = visibleEntries(a).stream()
                    .filter(e -> ids.contains(e.id()))
                    .sorted(Comparator.comparing(e -> ids.indexOf(e.id())))
                    .toList();
            if (chosen.size() != ids.size()) {
                throw entryNotFound();
            }
            var contents = contents(chosen);
            return new BoardBase(
                    new Board(
                            details(a),
                            chosen,
                            levelGroups(chosen, contents),
                            caseInfo(a.session().getCycle(), chosen),
                            Map.of(),
                            lastCycle(sessionId, chosen)),
                    contents);
        });
        var board = base.board();
        var readiness = readiness(board.entries(), board.cases(), base.contents());
        var candidates = new ArrayList<Comparison.Candidate>();
        for (var e : board.entries()) {
            var promotionCase = board.cases().get(e.personId());
            candidates.add(new Comparison.Candidate(
                    e,
                    board.level(e.levelKey()).orElse(null),
                    readiness.get(e.personId()),
                    board.lastCycle().get(e.personId()),
                    promotionCase,
                    promotionCase == null ? null : packetSummary(promotionCase.caseId())));
        }
        return new Comparison(candidates);
    }

    private Comparison.PacketSummary packetSummary(Long caseId) {
        try {
            var packet = AsSystem.call(() -> promotions.details(caseId)).packet();
            var r = packet.readiness();
            return new Comparison.PacketSummary(
                    r.met(),
                    r.total(),
                    r.percent(),
                    r.missing().size(),
                    r.notMet().size(),
                    packet.frozen());
        } catch (ValidationException | NotFoundException e) {
            return null;
        }
    }

    /** The session's results as CSV, for the committee. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public byte[] exportCsv(Long sessionId) {
        var a = access(sessionId);
        var all = visibleEntries(a);
        return CalibrationCsv.write(all, lastCycle(sessionId, all));
    }

    /**
     * A visible person's published outcomes by cycle, newest first, for their person page: the same facts the engineer
     * sees (final rating and decision, never the committee's notes). Someone outside one's line is "not found".
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Outcome> outcomesOf(Long personId) {
        if (personId == null || !people.canSee(personId)) {
            throw new NotFoundException("Person not found");
        }
        return outcomes(personId);
    }

    /** The signed-in engineer's published outcomes, newest first: final rating and decision, never notes. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Outcome> myOutcomes() {
        var me = CurrentUser.require().personId();
        return me == null ? List.of() : outcomes(me);
    }

    private List<Outcome> outcomes(Long personId) {
        return entries.findPublishedOf(personId).stream().map(Outcome::of).toList();
    }

    // ---------------------------------------------------------------- changing entries

    /** A manager proposes a rating (with its rationale) for one of their people, while the session prepares. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry propose(Long entryId, long expectedVersion, String rating, String rationale) {
        var e = entries.findForUpdate(entryId).orElseThrow(CalibrationService::entryNotFound);
        var a = access(e.getSessionId());
        requireVisible(a, e);
        if (a.session().getStatus() != SessionStatus.PREPARING) {
            throw new ValidationException(
                    "The session has started, so proposals are frozen; the committee sets the final rating now.");
        }
        if (!mayPropose(a, e)) {
            throw new AccessDeniedException("Only " + e.getPersonName() + "'s managers propose their rating.");
        }
        checkVersion(e, expectedVersion);
        var value = rating == null || rating.isBlank() ? null : rating.strip();
        var text = rationale == null || rationale.isBlank() ? null : rationale.strip();
        if (value != null) {
            requireRating(a.session(), value);
            if (text == null) {
                throw new ValidationException(
                        "Write the rationale for proposing " + value + " for " + e.getPersonName() + ".");
            }
            if (text.length() > MAX_TEXT) {
                throw new ValidationException("A rationale is at most " + MAX_TEXT + " characters long.");
            }
        } else {
            text = null;
        }
        var recorder = new Recorder(e, a.me());
        recorder.field(EntryField.PROPOSED_RATING, e.getProposedRating(), value);
        recorder.field(EntryField.RATIONALE, e.getProposalRationale(), text);
        if (recorder.isEmpty()) {
            return toEntry(e);
        }
        e.propose(value, text, a.me().displayName(), Instant.now(clock));
        return saved(
                e,
                recorder,
                "CALIBRATION_PROPOSED",
                value == null
                        ? "Withdrew the proposal for " + e.getPersonName()
                        : "Proposed " + value + " for " + e.getPersonName());
    }

    /**
     * Changes the committee's fields of an entry: final rating, promotion decision and feedback while in session;
     * notes while preparing or in session. Fields equal to the stored ones are left alone.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry edit(Long entryId, long expectedVersion, EntryEdit edit) {
        var e = entries.findForUpdate(entryId).orElseThrow(CalibrationService::entryNotFound);
        var a = access(e.getSessionId());
        requireVisible(a, e);
        var status = a.session().getStatus();
        if (status == SessionStatus.LOCKED || status == SessionStatus.PUBLISHED) {
            throw new ValidationException("The session is " + status.label().toLowerCase(Locale.ROOT)
                    + ", so ratings and decisions are frozen"
                    + (status == SessionStatus.LOCKED ? "; the facilitator can reopen it." : "."));
        }
        checkVersion(e, expectedVersion);
        var finalRating = blankToNull(edit.finalRating());
        var decision = edit.decision();
        var feedback = blankToNull(edit.feedback());
        var notes = blankToNull(edit.notes());
        var recorder = new Recorder(e, a.me());
        recorder.field(EntryField.FINAL_RATING, e.getFinalRating(), finalRating);
        recorder.field(
                EntryField.DECISION,
                e.getDecision() == null ? null : e.getDecision().label(),
                decision == null ? null : decision.label());
        recorder.field(EntryField.FEEDBACK, e.getFeedback(), feedback);
        recorder.field(EntryField.NOTES, e.getNotes(), notes);
        if (recorder.isEmpty()) {
            return toEntry(e);
        }
        boolean committeeFields = recorder.has(EntryField.FINAL_RATING)
                || recorder.has(EntryField.DECISION)
                || recorder.has(EntryField.FEEDBACK);
        if (committeeFields && status != SessionStatus.IN_SESSION) {
            throw new ValidationException(
                    "Final ratings and promotion decisions are set once the session has started; until then,"
                            + " managers enter their proposals.");
        }
        if (finalRating != null) {
            requireRating(a.session(), finalRating);
        }
        if (recorder.has(EntryField.DECISION)) {
            if (e.getCaseId() == null && decision != Decision.NO_CASE) {
                throw new ValidationException(e.getPersonName()
                        + " has no promotion case in calibration in this session, so there is nothing to decide.");
            }
            if (e.getCaseId() != null && decision == Decision.NO_CASE) {
                throw new ValidationException(
                        e.getPersonName() + "'s promotion case is in this session: decide promote or not yet.");
            }
        }
        for (var text : new String[] {feedback, notes}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new ValidationException("Feedback and notes are at most " + MAX_TEXT + " characters long.");
            }
        }
        var now = Instant.now(clock);
        e.rate(finalRating, now);
        e.decide(decision, now);
        e.giveFeedback(feedback, now);
        e.note(notes, now);
        return saved(e, recorder, "CALIBRATION_ENTRY_CHANGED", recorder.summary(e.getPersonName()));
    }

    private BoardEntry saved(CalibrationEntry e, Recorder recorder, String action, String summary) {
        var before = snapshot(e, recorder.fields(), true);
        entries.flush();
        changes.saveAll(recorder.changes(e.getSessionId(), Instant.now(clock)));
        audit.record(action, "CalibrationEntry", e.getId(), summary, before, snapshot(e, recorder.fields(), false));
        live.publish(LiveMessage.topic(e.getSessionId()), String.valueOf(e.getId()));
        return toEntry(e);
    }

    private static Map<String, Object> snapshot(CalibrationEntry e, List<RecordedChange> fields, boolean before) {
        var map = new LinkedHashMap<String, Object>();
        map.put("engineer", e.getPersonName());
        for (var c : fields) {
            map.put(c.field().name().toLowerCase(Locale.ROOT), before ? c.from() : c.to());
        }
        return map;
    }

    private record RecordedChange(EntryField field, String from, String to) {}

    /** Collects the changed fields of one edit and turns them into history rows. */
    private static final class Recorder {
        private final CalibrationEntry entry;
        private final RungsUser actor;
        private final List<RecordedChange> list = new ArrayList<>();
        private final long version;

        Recorder(CalibrationEntry entry, RungsUser actor) {
            this.entry = entry;
            this.actor = actor;
            // The flush that saves the change increments the version by one.
            this.version = entry.getVersion() + 1;
        }

        void field(EntryField field, String from, String to) {
            if (!Objects.equals(from, to)) {
                list.add(new RecordedChange(field, from, to));
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        boolean has(EntryField field) {
            return list.stream().anyMatch(c -> c.field() == field);
        }

        List<RecordedChange> fields() {
            return list;
        }

        List<EntryChange> changes(Long sessionId, Instant at) {
            return list.stream()
                    .map(c -> new EntryChange(
                            entry.getId(),
                            sessionId,
                            version,
                            c.field(),
                            c.from(),
                            c.to(),
                            actor.username(),
                            actor.displayName(),
                            at))
                    .toList();
        }

        String summary(String personName) {
            return list.stream()
                            .map(c -> c.field() == EntryField.NOTES || c.field() == EntryField.FEEDBACK
                                    ? c.field().label() + " changed"
                                    : c.field().label() + ": " + (c.from() == null ? "—" : c.from()) + " → "
                                            + (c.to() == null ? "—" : c.to()))
                            .collect(Collectors.joining("; "))
                    + " (" + personName + ")";
        }
    }

    private void checkVersion(CalibrationEntry e, long expectedVersion) {
        if (e.getVersion() == expectedVersion) {
            return;
        }
        var missed = changes.findSince(e.getId(), expectedVersion);
        var shown = missed.stream()
                .filter(c -> c.getField() == EntryField.FINAL_RATING)
                .findFirst()
                .or(() -> missed.stream().findFirst());
        String message;
        if (shown.isEmpty()) {
            message = "This entry was changed while you were editing; your change was not saved.";
        } else {
            var c = shown.get();
            var to = c.getToValue() == null ? "no rating" : c.getToValue();
            message = switch (c.getField()) {
                case FINAL_RATING -> c.getActorName() + " changed this rating to " + to;
                case PROPOSED_RATING -> c.getActorName() + " changed the proposal to " + to;
                case DECISION ->
                    c.getActorName() + " changed the promotion decision to "
                            + (c.getToValue() == null ? "undecided" : c.getToValue());
                default ->
                    c.getActorName() + " changed the " + c.getField().label().toLowerCase(Locale.ROOT);
            };
            message += " while you were editing; your change was not saved.";
        }
        throw new RatingConflictException(message, toEntry(e));
    }

    private static void requireRating(CalibrationSession s, String rating) {
        if (!s.getRatingScale().contains(rating)) {
            throw new ValidationException(
                    "Choose one of the ratings of this session: " + String.join(", ", s.getRatingScale()) + ".");
        }
    }

    // ---------------------------------------------------------------- status changes

    /**
     * Starts the session (facilitator or admin): each proposal becomes the starting final rating, and the
     * engineers' promotion cases of the session's cycle are linked; SUBMITTED ones move into calibration.
     *
     * <p>Moving a case into calibration is an admin action of the promotion feature. Starting a session is the
     * sanctioned way for its facilitator to put the submitted cases of their session in front of the committee, so
     * the service takes that step with the system identity for a facilitator who is not an admin; the case's
     * timeline names the session and the facilitator.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void start(Long sessionId, long expectedVersion) {
        var a = access(sessionId);
        requireLead(a, "start the session");
        requireStatus(a.session(), SessionStatus.PREPARING, "start");
        checkSessionVersion(a.session(), expectedVersion);
        var now = Instant.now(clock);
        var list = entries.findBySession(sessionId);
        var cases = casesOfCycle(a.session().getCycle());
        var note = "Calibration session \"" + a.session().getName() + "\" started by " + a.me().displayName() + ".";
        int moved = 0;
        for (var e : list) {
            var recorder = new Recorder(e, a.me());
            if (e.getFinalRating() == null && e.getProposedRating() != null) {
                recorder.field(EntryField.FINAL_RATING, null, e.getProposedRating());
                e.rate(e.getProposedRating(), now);
            }
            var open = cases.open().get(e.getPersonId());
            Long caseId = null;
            String target = null;
            if (open != null && (open.status() == CaseStatus.SUBMITTED || open.status() == CaseStatus.IN_CALIBRATION)) {
                if (open.status() == CaseStatus.SUBMITTED) {
                    var id = open.id();
                    asCommittee(a, () -> {
                        promotions.startCalibration(id, promotions.details(id).version(), note);
                        return null;
                    });
                    moved++;
                }
                caseId = open.id();
                target = open.targetLevelKey();
            }
            if (!Objects.equals(caseId, e.getCaseId())) {
                recorder.field(
                        EntryField.PROMOTION_CASE,
                        e.getCaseId() == null ? null : "#" + e.getCaseId() + " → " + e.getCaseTargetLevel(),
                        caseId == null ? null : "#" + caseId + " → " + target);
                e.linkCase(caseId, target, now);
            }
            if (!recorder.isEmpty()) {
                entries.flush();
                changes.saveAll(recorder.changes(sessionId, now));
            }
        }
        a.session().start(now);
        sessions.flush();
        audit.record(
                "CALIBRATION_STARTED",
                "CalibrationSession",
                sessionId,
                "Started calibration session " + a.session().getName() + " (" + moved
                        + " promotion case(s) moved into calibration)",
                Map.of("status", SessionStatus.PREPARING.name()),
                Map.of("status", SessionStatus.IN_SESSION.name()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    /** Freezes ratings and decisions (facilitator or admin); every engineer must be rated and every case decided. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void lock(Long sessionId, long expectedVersion) {
        var a = access(sessionId);
        requireLead(a, "lock the session");
        requireStatus(a.session(), SessionStatus.IN_SESSION, "lock");
        checkSessionVersion(a.session(), expectedVersion);
        var list = entries.findBySession(sessionId);
        var problems = new ArrayList<String>();
        var unrated = list.stream()
                .filter(e -> e.getFinalRating() == null)
                .map(CalibrationEntry::getPersonName)
                .toList();
        if (!unrated.isEmpty()) {
            problems.add(count(unrated.size(), "engineer has", "engineers have") + " no final rating yet: "
                    + names(unrated) + ".");
        }
        var undecided = list.stream()
                .filter(e -> e.getCaseId() != null && e.getDecision() == null)
                .map(CalibrationEntry::getPersonName)
                .toList();
        if (!undecided.isEmpty()) {
            problems.add("Decide the promotion case of " + names(undecided) + ".");
        }
        var withoutFeedback = list.stream()
                .filter(e -> e.getDecision() == Decision.NOT_YET && e.getFeedback() == null)
                .map(CalibrationEntry::getPersonName)
                .toList();
        if (!withoutFeedback.isEmpty()) {
            problems.add("Write the feedback for " + names(withoutFeedback)
                    + ": a \"not yet\" decision is explained to the engineer.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        a.session().lock(Instant.now(clock));
        sessions.flush();
        audit.record(
                "CALIBRATION_LOCKED",
                "CalibrationSession",
                sessionId,
                "Locked calibration session " + a.session().getName(),
                Map.of("status", SessionStatus.IN_SESSION.name()),
                Map.of("status", SessionStatus.LOCKED.name()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    /** Opens a locked session again for changes (facilitator or admin). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void reopen(Long sessionId, long expectedVersion) {
        var a = access(sessionId);
        requireLead(a, "reopen the session");
        requireStatus(a.session(), SessionStatus.LOCKED, "reopen");
        checkSessionVersion(a.session(), expectedVersion);
        a.session().reopen();
        sessions.flush();
        audit.record(
                "CALIBRATION_REOPENED",
                "CalibrationSession",
                sessionId,
                "Reopened calibration session " + a.session().getName(),
                Map.of("status", SessionStatus.LOCKED.name()),
                Map.of("status", SessionStatus.IN_SESSION.name()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    /**
     * Publishes a locked session (admins only): approved promotions change levels through
     * {@link PromotionService#applyCalibrationDecision} effective on the given date, "not yet" cases are closed with
     * the feedback, and every engineer is told their outcome. All in one transaction: if any decision cannot be
     * applied, nothing is published.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void publish(Long sessionId, long expectedVersion, LocalDate effectiveDate) {
        var a = access(sessionId);
        requireStatus(a.session(), SessionStatus.LOCKED, "publish");
        checkSessionVersion(a.session(), expectedVersion);
        if (effectiveDate == null) {
            throw new ValidationException("Give the date the promotions take effect.");
        }
        var session = a.session();
        var list = entries.findBySession(sessionId);
        int promoted = 0;
        for (var e : list) {
            if (e.getCaseId() == null || e.getDecision() == null || e.getDecision() == Decision.NO_CASE) {
                continue;
            }
            boolean approved = e.getDecision() == Decision.PROMOTE;
            try {
                promotions.applyCalibrationDecision(
                        e.getCaseId(),
                        approved,
                        approved
                                ? "Calibration session \"" + session.getName() + "\" (" + session.getCycle() + ")"
                                : e.getFeedback(),
                        approved ? effectiveDate : null);
            } catch (ValidationException problem) {
                throw new ValidationException("Could not apply the decision for " + e.getPersonName() + ": "
                        + String.join(" ", problem.problems()) + " Nothing was published.");
            }
            if (approved) {
                promoted++;
            }
        }
        for (var e : list) {
            notifications.notify(
                    e.getPersonId(),
                    "Your " + session.getCycle() + " calibration outcome",
                    outcomeText(e, effectiveDate),
                    CalibrationRoutes.MY_OUTCOMES);
        }
        session.publish(Instant.now(clock), CurrentUser.actorName(), effectiveDate);
        sessions.flush();
        audit.record(
                "CALIBRATION_PUBLISHED",
                "CalibrationSession",
                sessionId,
                "Published calibration session " + session.getName() + " (" + list.size() + " engineers, " + promoted
                        + " promoted, effective " + effectiveDate + ")",
                Map.of("status", SessionStatus.LOCKED.name()),
                Map.of("status", SessionStatus.PUBLISHED.name(), "effectiveDate", effectiveDate.toString()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    private static String outcomeText(CalibrationEntry e, LocalDate effectiveDate) {
        var text = "Final rating: " + e.getFinalRating() + ".";
        if (e.getDecision() == Decision.PROMOTE) {
            text += " Promotion to " + e.getCaseTargetLevel() + ": approved, effective " + effectiveDate + ".";
        } else if (e.getDecision() == Decision.NOT_YET) {
            text += " Promotion to " + e.getCaseTargetLevel() + ": not yet. " + e.getFeedback();
        }
        return text;
    }

    // ---------------------------------------------------------------- presence and live updates

    /**
     * Announces (or keeps alive) an open board and returns everyone viewing the session. Boards call it when they
     * open and then every few seconds; a board that stops calling drops off the list after {@value #VIEWER_SECONDS}
     * seconds.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<Viewer> here(Long sessionId, String viewerId) {
        var a = access(sessionId);
        requireViewerId(viewerId);
        boolean joined = presence.upsert(viewerId, sessionId, a.me().username(), a.me().displayName());
        if (joined) {
            presence.forgetStale();
            live.publish(LiveMessage.topic(sessionId), LiveMessage.PRESENCE);
        }
        return viewersOf(sessionId);
    }

    /** The board was closed. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void leave(Long sessionId, String viewerId) {
        requireViewerId(viewerId);
        if (presence.leave(viewerId, CurrentUser.require().username()) > 0) {
            live.publish(LiveMessage.topic(sessionId), LiveMessage.PRESENCE);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<Viewer> viewers(Long sessionId) {
        access(sessionId);
        return viewersOf(sessionId);
    }

    private List<Viewer> viewersOf(Long sessionId) {
        return presence.viewers(sessionId, VIEWER_SECONDS).stream()
                .map(r -> new Viewer((String) r[0], (String) r[1]))
                .toList();
    }

    private static void requireViewerId(String viewerId) {
        if (viewerId == null || !VIEWER_ID.matcher(viewerId).matches()) {
            throw new ValidationException("A viewer id is 8 to 40 letters, digits or dashes.");
        }
    }

    /**
     * Calls the listener (on a background thread) with every change of the session committed on any instance:
     * an entry, the viewers, or the session's status. Remove the registration when the board closes.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Registration watch(Long sessionId, Consumer<LiveMessage> listener) {
        readOnly.executeWithoutResult(status -> access(sessionId));
        return live.subscribe(LiveMessage.topic(sessionId), message -> {
            var parsed = LiveMessage.parse(message);
            if (parsed != null) {
                listener.accept(parsed);
            }
        });
    }

    // ---------------------------------------------------------------- access

    /** How the signed-in user relates to a session; throws not-found for anyone outside its committee. */
    private record Access(
            CalibrationSession session,
            List<SessionParticipant> participants,
            RungsUser me,
            boolean admin,
            boolean facilitator,
            boolean participant) {

        boolean leads() {
            return admin || facilitator;
        }

        boolean seesAll() {
            return leads() || session.getStatus() != SessionStatus.PREPARING;
        }
    }

    private Access access(Long sessionId) {
        var session = sessions.findById(sessionId).orElseThrow(CalibrationService::sessionNotFound);
        var me = CurrentUser.require();
        var list = participants.findBySession(sessionId);
        boolean admin = me.has(Role.ADMIN);
        boolean facilitator = session.getFacilitatorUsername().equalsIgnoreCase(me.username());
        boolean participant = me.personId() != null
                && list.stream().anyMatch(p -> p.getPersonId().equals(me.personId()));
        if (!admin && !facilitator && !participant) {
            throw sessionNotFound();
        }
        return new Access(session, list, me, admin, facilitator, participant);
    }

    private void requireVisible(Access a, CalibrationEntry e) {
        if (!a.seesAll() && !people.canSee(e.getPersonId())) {
            throw entryNotFound();
        }
    }

    private static void requireLead(Access a, String what) {
        if (!a.leads()) {
            throw new AccessDeniedException(
                    "Only the facilitator (" + a.session().getFacilitatorName() + ") or an admin can " + what + ".");
        }
    }

    private static void requireStatus(CalibrationSession s, SessionStatus required, String verb) {
        if (s.getStatus() != required) {
            throw new ValidationException(
                    "The session is " + s.getStatus().label().toLowerCase(Locale.ROOT) + "; you can " + verb
                            + " it only when it is " + required.label().toLowerCase(Locale.ROOT) + ".");
        }
    }

    private static void checkSessionVersion(CalibrationSession s, long expectedVersion) {
        if (s.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The session " + s.getName());
        }
    }

    private boolean mayPropose(Access a, CalibrationEntry e) {
        if (a.session().getStatus() != SessionStatus.PREPARING) {
            return false;
        }
        if (a.admin()) {
            return true;
        }
        var me = a.me().personId();
        return me != null
                && !me.equals(e.getPersonId())
                && (me.equals(e.getManagerId()) || people.canSee(e.getPersonId()));
    }

    private List<CalibrationEntry> mayProposeFor(Access a, List<CalibrationEntry> all) {
        if (a.session().getStatus() != SessionStatus.PREPARING) {
            return List.of();
        }
        if (a.admin()) {
            return all;
        }
        var line = lineOf(a);
        return all.stream().filter(e -> line.contains(e.getPersonId())).toList();
    }

    private Set<Long> lineOf(Access a) {
        if (a.me().personId() == null || !a.me().has(Role.MANAGER)) {
            return Set.of();
        }
        return people.myReportingLine().stream().map(PersonRow::id).collect(Collectors.toSet());
    }

    private List<BoardEntry> visibleEntries(Access a) {
        var all = entries.findBySession(a.session().getId());
        if (a.seesAll()) {
            return all.stream().map(CalibrationService::toEntry).toList();
        }
        var line = lineOf(a);
        return all.stream()
                .filter(e -> line.contains(e.getPersonId()))
                .map(CalibrationService::toEntry)
                .toList();
    }

    private <T> T asCommittee(Access a, Supplier<T> work) {
        return a.admin() ? work.get() : AsSystem.call(work);
    }

    private SessionDetails details(Access a) {
        var s = a.session();
        var status = s.getStatus();
        var actions = EnumSet.noneOf(Action.class);
        boolean committee = a.admin() || a.facilitator() || a.participant();
        if (status == SessionStatus.PREPARING && committee) {
            actions.add(Action.PROPOSE);
        }
        if (status == SessionStatus.PREPARING && a.leads()) {
            actions.add(Action.START);
        }
        if (status == SessionStatus.IN_SESSION && committee) {
            actions.add(Action.RATE);
        }
        if ((status == SessionStatus.PREPARING || status == SessionStatus.IN_SESSION) && committee) {
            actions.add(Action.NOTE);
        }
        if (status == SessionStatus.IN_SESSION && a.leads()) {
            actions.add(Action.LOCK);
        }
        if (status == SessionStatus.LOCKED && a.leads()) {
            actions.add(Action.REOPEN);
        }
        if (status == SessionStatus.LOCKED && a.admin()) {
            actions.add(Action.PUBLISH);
        }
        actions.add(Action.EXPORT);
        return new SessionDetails(
                s.getId(),
                s.getName(),
                s.getCycle(),
                status,
                s.getRatingScale(),
                s.getScopeTeamNames(),
                s.getScopeLevelKeys(),
                s.getFacilitatorName(),
                a.participants().stream().map(SessionParticipant::getPersonName).toList(),
                s.getCreatedAt(),
                s.getStartedAt(),
                s.getLockedAt(),
                s.getPublishedAt(),
                s.getEffectiveDate(),
                Set.copyOf(actions),
                a.seesAll(),
                s.getVersion());
    }

    // ---------------------------------------------------------------- board data

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

    private record CycleCases(Map<Long, CaseRow> byId, Map<Long, CaseRow> open) {}

    /** The promotion cases of a cycle, read page by page with the system identity; open ones by engineer. */
    private CycleCases casesOfCycle(String cycle) {
        return AsSystem.call(() -> {
            var byId = new HashMap<Long, CaseRow>();
            var open = new HashMap<Long, CaseRow>();
            for (int page = 0; ; page++) {
                var rows = promotions.find(new CaseFilter(null, null, cycle, null), PageRequest.of(page, CASE_PAGE));
                for (var r : rows) {
                    byId.put(r.id(), r);
                    if (r.status().open()) {
                        open.putIfAbsent(r.engineerId(), r);
                    }
                }
                if (rows.size() < CASE_PAGE) {
                    break;
                }
            }
            return new CycleCases(byId, open);
        });
    }

    /** Per engineer: the case linked to the entry (whatever its status now), else their open case of the cycle. */
    private Map<Long, Board.CaseInfo> caseInfo(String cycle, List<BoardEntry> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        var cases = casesOfCycle(cycle);
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
            map.put(((Number) row[0]).longValue(), new Board.LastOutcome((String) row[2], (String) row[1]));
        }
        return map;
    }

    /**
     * Evidence readiness per engineer: coverage of the case's target level, or of the next level without a case.
     * Computed outside any surrounding transaction, one engineer at a time, so one engineer's missing data never
     * fails the board.
     */
    private Map<Long, Board.Readiness> readiness(
            List<BoardEntry> list, Map<Long, Board.CaseInfo> cases, Map<Long, LadderContent> contents) {
        var map = new HashMap<Long, Board.Readiness>();
        for (var e : list) {
            var promotionCase = cases.get(e.personId());
            var content = contents.get(e.ladderId());
            String level;
            if (promotionCase != null) {
                level = promotionCase.targetLevelKey();
            } else if (content != null) {
                level = content.next(e.levelKey())
                        .map(LadderContent.LevelView::key)
                        .orElse(e.levelKey());
            } else {
                continue;
            }
            if (content != null && content.level(level).isEmpty()) {
                continue;
            }
            readinessCache
                    .get(e.personId(), level, () -> coverage(e.personId(), level))
                    .ifPresent(r -> map.put(e.personId(), r));
        }
        return map;
    }

    private Optional<Board.Readiness> coverage(Long personId, String level) {
        try {
            var c = AsSystem.call(() -> evidence.coverage(personId, level));
            return Optional.of(new Board.Readiness(
                    level, c.percent(), (int) c.acknowledged(), c.lines().size()));
        } catch (ValidationException | NotFoundException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static BoardEntry toEntry(CalibrationEntry e) {
        return new BoardEntry(
                e.getId(),
                e.getSessionId(),
                e.getPersonId(),
                e.getPersonName(),
                e.getTeamId(),
                e.getTeamName(),
                e.getManagerId(),
                e.getManagerName(),
                e.getLadderId(),
                e.getLevelKey(),
                e.getLevelSince(),
                e.getCaseId(),
                e.getCaseTargetLevel(),
                e.getProposedRating(),
                e.getProposalRationale(),
                e.getProposedBy(),
                e.getProposedAt(),
                e.getFinalRating(),
                e.getDecision(),
                e.getFeedback(),
                e.getNotes(),
                e.getUpdatedAt(),
                e.getVersion());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }

    private static String names(List<String> names) {
        if (names.size() <= 5) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static NotFoundException sessionNotFound() {
        return new NotFoundException("Calibration session not found");
    }

    private static NotFoundException entryNotFound() {
        return new NotFoundException("Calibration entry not found");
    }
}
