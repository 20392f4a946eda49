package app.rungs.checkin.service;

import app.rungs.audit.service.AuditService;
import app.rungs.checkin.domain.CheckIn;
import app.rungs.checkin.domain.CheckInItem;
import app.rungs.checkin.domain.CheckInItemRepository;
import app.rungs.checkin.domain.CheckInRepository;
import app.rungs.checkin.domain.CheckInSide;
import app.rungs.checkin.domain.CheckInSideRepository;
import app.rungs.checkin.domain.Side;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PersonPath;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting, rating, submitting and agreeing check-ins. Only the two participants act on a check-in; each edits only
 * their own side, blind to the other's until both submitted (see {@link CheckInReads}); the manager records the
 * agreed outcome, which freezes the check-in, and the engineer acknowledges it.
 */
@Service
public class CheckInService {

    static final int MAX_NOTE = 2_000;
    static final int MAX_EVIDENCE_PER_RATING = 10;
    static final int MAX_EVIDENCE_LOOKUP = 500;
    private static final Pattern CYCLE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}$");

    private final CheckInRepository checkIns;
    private final CheckInItemRepository items;
    private final CheckInSideRepository sides;
    private final CheckInAccess access;
    private final CheckInNotices notices;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final EvidenceService evidence;
    private final AuditService audit;
    private final Clock clock;

    CheckInService(
            CheckInRepository checkIns,
            CheckInItemRepository items,
            CheckInSideRepository sides,
            CheckInAccess access,
            CheckInNotices notices,
            PersonDirectory directory,
            LadderService ladders,
            EvidenceService evidence,
            AuditService audit,
            Clock clock) {
        this.checkIns = checkIns;
        this.items = items;
        this.sides = sides;
        this.access = access;
        this.notices = notices;
        this.directory = directory;
        this.ladders = ladders;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a check-in for the engineer (null: the signed-in user) with their manager, on the competencies their
     * path asks at their next level (their own level at the top of the ladder), due at the end of {@code dueOn}.
     * The engineer starts their own; a manager starts one for a direct report.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long start(Long engineerId, String cycle, LocalDate dueOn) {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            throw new ValidationException("You have no person record, so you cannot take part in check-ins.");
        }
        var id = engineerId == null ? me.personId() : engineerId;
        var engineer = directory.card(id).orElseThrow(() -> new NotFoundException("Person not found"));
        boolean self = id.equals(me.personId());
        if (!self && !me.personId().equals(engineer.managerId())) {
            throw new AccessDeniedException("You can start a check-in for yourself or for your direct reports only.");
        }
        if (engineer.managerId() == null) {
            throw new ValidationException(engineer.fullName()
                    + " has no manager in Rungs yet; an admin sets the manager before a check-in can start.");
        }
        if (!engineer.active()) {
            throw new ValidationException(engineer.fullName() + " has left; no new check-ins.");
        }
        var label = cycle == null || cycle.isBlank() ? null : cycle.strip();
        if (label != null && !CYCLE.matcher(label).matches()) {
            throw new ValidationException(
                    "A cycle is a short label like 2026-H2: 2 to 20 letters, digits, spaces, dots, dashes.");
        }
        var today = LocalDate.now(clock);
        if (dueOn == null || dueOn.isBefore(today) || dueOn.isAfter(today.plusYears(1))) {
            throw new ValidationException("Choose a due date between today and one year from now.");
        }
        if (checkIns.existsOpen(id)) {
            throw new ValidationException(
                    engineer.fullName() + " already has a check-in that is not agreed yet; finish that one first.");
        }
        if (engineer.ladderId() == null) {
            throw new ValidationException(engineer.fullName() + " is not placed on a ladder yet.");
        }
        var ladder = ladders.published(engineer.ladderId())
                .orElseThrow(
                        () -> new ValidationException("The ladder of " + engineer.fullName() + " is not published."));
        var target = ladder.next(engineer.levelKey(), engineer.trackKey())
                .or(() -> ladder.level(engineer.levelKey()))
                .orElseThrow(() -> new ValidationException(
                        "The level of " + engineer.fullName() + " is not on the published ladder."));
        var path = new PersonPath(engineer.trackKey(), engineer.specialization());
        var requirements = ladder.requirementsOf(target.key(), path);
        if (requirements.isEmpty()) {
            throw new ValidationException(target.key() + " asks nothing of " + engineer.fullName() + "'s path yet.");
        }
        var now = Instant.now(clock);
        var dueAt = dueOn.atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC);
        var c = checkIns.save(new CheckIn(
                id,
                engineer.managerId(),
                me.getUsername(),
                label,
                engineer.ladderId(),
                ladder.version().ladderName(),
                ladder.version().id(),
                ladder.version().number(),
                engineer.levelKey(),
                target.key(),
                dueAt,
                now));
        int position = 0;
        var snapshot = new ArrayList<CheckInItem>();
        for (var r : requirements) {
            snapshot.add(new CheckInItem(
                    c.getId(),
                    position++,
                    r.competency().key(),
                    r.competency().name(),
                    ladder.area(r.competency().areaKey())
                            .map(LadderContent.AreaView::name)
                            .orElse(""),
                    r.expectation().statement()));
        }
        items.saveAll(snapshot);
        sides.saveAll(
                List.of(new CheckInSide(c.getId(), Side.ENGINEER, now), new CheckInSide(c.getId(), Side.MANAGER, now)));
        var managerName =
                directory.card(engineer.managerId()).map(p -> p.fullName()).orElse("your manager");
        notices.started(c, self ? Side.ENGINEER : Side.MANAGER, engineer.fullName(), managerName);
        audit.record(
                CheckInAuditNames.STARTED,
                CheckInAuditNames.OBJECT,
                c.getId(),
                "Check-in of " + engineer.fullName() + " for " + target.key() + " started",
                null,
                Map.of(
                        "cycle",
                        label == null ? "" : label,
                        "ladderVersionId",
                        ladder.version().id(),
                        "competencies",
                        snapshot.size()));
        return c.getId();
    }

    /** Saves the signed-in participant's draft ratings (blank ones allowed); returns the new version of their side. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long saveDraft(Long id, long expectedVersion, Map<String, RatingInput> ratings) {
        var p = access.participant(id);
        return write(p, expectedVersion, ratings).getVersion();
    }

    /**
     * Saves and submits the signed-in participant's ratings: every competency rated. After that their ratings are
     * fixed; once both submitted, each sees the other's and both are told the check-in is ready to compare.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void submit(Long id, long expectedVersion, Map<String, RatingInput> ratings) {
        var p = access.participant(id);
        write(p, expectedVersion, ratings);
        var c = p.checkIn();
        var unrated = items.findByCheckIn(id).stream()
                .filter(i -> ratings.get(i.getCompetencyKey()) == null
                        || ratings.get(i.getCompetencyKey()).rating() == null)
                .map(CheckInItem::getCompetencyName)
                .toList();
        if (!unrated.isEmpty()) {
            throw new ValidationException("Rate every competency before submitting; " + unrated.size()
                    + (unrated.size() == 1 ? " is" : " are") + " not rated yet: "
                    + String.join(", ", unrated.subList(0, Math.min(3, unrated.size())))
                    + (unrated.size() > 3 ? ", …" : "") + ".");
        }
        c.submit(p.side(), Instant.now(clock));
        checkIns.saveAndFlush(c);
        var names = names(c);
        notices.submitted(c, p.side(), names.get(c.getEngineerId()), names.get(c.getManagerId()));
        audit.record(
                CheckInAuditNames.SUBMITTED,
                CheckInAuditNames.OBJECT,
                id,
                p.side().label() + " ratings submitted for the check-in of " + names.get(c.getEngineerId()),
                null,
                Map.of("side", p.side().name()));
    }

    /**
     * The manager records the outcome agreed for every competency, with an optional note on the whole; the
     * check-in is then frozen. Only after both submitted, only by the manager, at the version they saw.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void agree(Long id, long expectedVersion, Map<String, OutcomeInput> outcomes, String note) {
        var p = access.participant(id);
        var c = p.checkIn();
        if (p.side() != Side.MANAGER) {
            throw new AccessDeniedException("The manager records the agreed outcome; you acknowledge it afterwards.");
        }
        var refusal = c.refusesAgreement();
        if (refusal != null) {
            throw new ValidationException(refusal);
        }
        if (c.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The check-in");
        }
        var text = trimmed(note, "The agreement note");
        var list = items.findByCheckIn(id);
        var missing = list.stream()
                .filter(i -> outcomes.get(i.getCompetencyKey()) == null
                        || outcomes.get(i.getCompetencyKey()).outcome() == null)
                .map(CheckInItem::getCompetencyName)
                .toList();
        if (!missing.isEmpty()) {
            throw new ValidationException("Choose the agreed outcome of every competency; missing: "
                    + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + (missing.size() > 3 ? ", …" : "") + ".");
        }
        var recorded = new LinkedHashMap<String, String>();
        for (var item : list) {
            var o = outcomes.get(item.getCompetencyKey());
            item.agree(o.outcome(), trimmed(o.note(), "The note on " + item.getCompetencyName()));
            recorded.put(item.getCompetencyKey(), o.outcome().name());
        }
        c.agree(CurrentUser.require().displayName(), text, Instant.now(clock));
        checkIns.saveAndFlush(c);
        var names = names(c);
        notices.agreed(c, names.get(c.getManagerId()));
        audit.record(
                CheckInAuditNames.AGREED,
                CheckInAuditNames.OBJECT,
                id,
                "Check-in of " + names.get(c.getEngineerId()) + " agreed and frozen",
                null,
                recorded);
    }

    /** The engineer acknowledges the agreed outcome (once). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void acknowledge(Long id, long expectedVersion) {
        var p = access.participant(id);
        var c = p.checkIn();
        if (p.side() != Side.ENGINEER) {
            throw new AccessDeniedException("Only the engineer acknowledges the agreed outcome.");
        }
        if (c.getAgreedAt() == null) {
            throw new ValidationException("There is no agreed outcome to acknowledge yet.");
        }
        if (c.getAcknowledgedAt() != null) {
            throw new ValidationException("You already acknowledged this check-in.");
        }
        if (c.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The check-in");
        }
        c.acknowledge(Instant.now(clock));
        checkIns.saveAndFlush(c);
        audit.record(CheckInAuditNames.ACKNOWLEDGED, CheckInAuditNames.OBJECT, id, "Check-in acknowledged", null, null);
    }

    private CheckInSide write(CheckInAccess.Participant p, long expectedVersion, Map<String, RatingInput> ratings) {
        var c = p.checkIn();
        var refusal = c.refusesRating(p.side());
        if (refusal != null) {
            throw new ValidationException(refusal);
        }
        var side = sides.findByCheckIn(c.getId()).stream()
                .filter(s -> s.getSide() == p.side())
                .findFirst()
                .orElseThrow(CheckInAccess::notFound);
        if (side.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Your ratings");
        }
        if (ratings == null) {
            throw new ValidationException("Nothing to save.");
        }
        var keys = items.findByCheckIn(c.getId()).stream()
                .map(CheckInItem::getCompetencyKey)
                .collect(Collectors.toSet());
        var unknown = ratings.keySet().stream().filter(k -> !keys.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("This check-in does not rate " + String.join(", ", unknown) + ".");
        }
        var titles = evidenceTitles(c.getEngineerId(), ratings);
        var stored = new LinkedHashMap<String, SideRating>();
        for (var e : ratings.entrySet()) {
            var r = e.getValue();
            if (r == null) {
                continue;
            }
            if (r.evidenceIds().size() > MAX_EVIDENCE_PER_RATING) {
                throw new ValidationException(
                        "Link at most " + MAX_EVIDENCE_PER_RATING + " evidence items per competency.");
            }
            var linked = r.evidenceIds().stream()
                    .distinct()
                    .map(eid -> new LinkedEvidence(eid, titles.get(eid)))
                    .toList();
            stored.put(e.getKey(), new SideRating(r.rating(), trimmed(r.note(), "A note"), linked));
        }
        side.rate(StoredRatings.write(stored), Instant.now(clock));
        return sides.saveAndFlush(side);
    }

    /** Titles of the engineer's evidence the ratings link to; any id that is not theirs (or not visible) is refused. */
    private Map<Long, String> evidenceTitles(Long engineerId, Map<String, RatingInput> ratings) {
        var wanted = ratings.values().stream()
                .filter(r -> r != null)
                .flatMap(r -> r.evidenceIds().stream())
                .collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        var own = evidence.find(engineerId, EvidenceFilter.none(), PageRequest.of(0, MAX_EVIDENCE_LOOKUP)).stream()
                .collect(Collectors.toMap(EvidenceRow::id, EvidenceRow::title, (a, b) -> a));
        for (var id : wanted) {
            if (id == null || !own.containsKey(id)) {
                throw new ValidationException(
                        "A check-in links the engineer's own evidence only; item " + id + " is not one of theirs.");
            }
        }
        return own;
    }

    private Map<Long, String> names(CheckIn c) {
        return directory.cards(List.of(c.getEngineerId(), c.getManagerId())).values().stream()
                .collect(Collectors.toMap(p -> p.id(), p -> p.fullName()));
    }

    private static String trimmed(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var t = text.strip();
        if (t.length() > MAX_NOTE) {
            throw new ValidationException(what + " is too long: at most " + MAX_NOTE + " characters.");
        }
        return t;
    }
}
