package app.rungs.checkin.service;

import app.rungs.checkin.domain.CheckInItemRepository;
import app.rungs.checkin.domain.CheckInSide;
import app.rungs.checkin.domain.CheckInSideRepository;
import app.rungs.checkin.domain.CheckInStatus;
import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.domain.Side;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the participants of check-ins read: one check-in (blind until both submitted), the lists of their check-ins
 * (one statement per page) and the history of agreed outcomes per competency of a person (the person and their
 * manager only).
 */
@Service
public class CheckInReads {

    static final int MAX_EVIDENCE_OPTIONS = 200;

    private final CheckInAccess access;
    private final CheckInItemRepository items;
    private final CheckInSideRepository sides;
    private final PersonDirectory directory;
    private final EvidenceService evidence;
    private final EntityManager em;

    CheckInReads(
            CheckInAccess access,
            CheckInItemRepository items,
            CheckInSideRepository sides,
            PersonDirectory directory,
            EvidenceService evidence,
            EntityManager em) {
        this.access = access;
        this.items = items;
        this.sides = sides;
        this.directory = directory;
        this.evidence = evidence;
        this.em = em;
    }

    /**
     * A check-in as the signed-in participant may read it: their own ratings always, the other's only once both
     * submitted. Anyone else is told it does not exist.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CheckInDetails details(Long id) {
        var p = access.participant(id);
        var c = p.checkIn();
        var bySide = new LinkedHashMap<Side, CheckInSide>();
        sides.findByCheckIn(id).forEach(s -> bySide.put(s.getSide(), s));
        var mine = StoredRatings.read(bySide.get(p.side()).getRatings());
        // Blind rating: the other side's ratings are not even parsed before both submitted.
        Map<String, SideRating> theirs = c.mayRead(p.side(), p.side().other())
                ? StoredRatings.read(bySide.get(p.side().other()).getRatings())
                : null;
        var list = items.findByCheckIn(id).stream()
                .map(i -> new CheckInDetails.Item(
                        i.getCompetencyKey(),
                        i.getCompetencyName(),
                        i.getAreaName(),
                        i.getStatement(),
                        mine.getOrDefault(i.getCompetencyKey(), SideRating.EMPTY),
                        theirs == null ? null : theirs.getOrDefault(i.getCompetencyKey(), SideRating.EMPTY),
                        i.getOutcome(),
                        i.getOutcomeNote()))
                .toList();
        var names = directory.cards(List.of(c.getEngineerId(), c.getManagerId()));
        return new CheckInDetails(
                c.getId(),
                c.getEngineerId(),
                name(names.get(c.getEngineerId())),
                c.getManagerId(),
                name(names.get(c.getManagerId())),
                c.getCycle(),
                c.getLadderName(),
                c.getLadderVersion(),
                c.getLevelKey(),
                c.getTargetLevelKey(),
                c.getDueAt(),
                c.submittedAt(Side.ENGINEER),
                c.submittedAt(Side.MANAGER),
                c.getAgreedAt(),
                c.getAgreedBy(),
                c.getAgreementNote(),
                c.getAcknowledgedAt(),
                c.getCreatedAt(),
                c.status(),
                p.side(),
                bySide.get(p.side()).getVersion(),
                c.getVersion(),
                list);
    }

    /** The engineer's evidence a participant may link to a rating, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LinkedEvidence> evidenceOptions(Long id) {
        var p = access.participant(id);
        return evidence
                .find(
                        p.checkIn().getEngineerId(),
                        EvidenceFilter.none(),
                        PageRequest.of(0, MAX_EVIDENCE_OPTIONS, Sort.by(Sort.Direction.DESC, "occurredOn", "id")))
                .stream()
                .map(e -> new LinkedEvidence(e.id(), e.title()))
                .toList();
    }

    /**
     * One page of the signed-in user's check-ins — their own and those of their reports they take part in — open
     * ones first, then by last change; optionally only those of one engineer. One statement.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CheckInRow> mine(Long engineerId, int offset, int limit) {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return List.of();
        }
        var query = em.createNativeQuery(
                        """
                        select c.id, c.engineer_id, pe.full_name as engineer_name, pm.full_name as manager_name,
                            c.cycle, c.target_level_key, c.due_at, c.updated_at, c.agreed_at,
                            c.engineer_submitted_at, c.manager_submitted_at
                        from check_in c
                        join person pe on pe.id = c.engineer_id
                        join person pm on pm.id = c.manager_id
                        where (c.engineer_id = :me or c.manager_id = :me)""" + (engineerId == null ? "" : " and c.engineer_id = :engineer") + """

                        order by (c.agreed_at is null) desc, c.updated_at desc, c.id desc""", Tuple.class)
                .setParameter("me", me)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, 200)));
        if (engineerId != null) {
            query.setParameter("engineer", engineerId);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> row(t, me)).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long countMine(Long engineerId) {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return 0;
        }
        var query = em.createNativeQuery(
                "select count(*) from check_in c where (c.engineer_id = :me or c.manager_id = :me)"
                        + (engineerId == null ? "" : " and c.engineer_id = :engineer"),
                Long.class);
        query.setParameter("me", me);
        if (engineerId != null) {
            query.setParameter("engineer", engineerId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Whom the signed-in user may start a check-in for: themselves first, then their active direct reports. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Startable> startable() {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows =
                em.createNativeQuery("""
                        select id, full_name from person
                        where (id = :me or manager_id = :me) and active
                        order by (id = :me) desc, lower(full_name), id""", Tuple.class).setParameter("me", me).getResultList();
        return rows.stream()
                .map(t -> {
                    var id = t.get("id", Number.class).longValue();
                    return new Startable(id, t.get("full_name", String.class), id == me);
                })
                .toList();
    }

    /** Whether the signed-in user may see a person's check-in history: the person themselves or their manager. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayReadHistory(Long personId) {
        var me = CurrentUser.require().personId();
        if (me == null || personId == null) {
            return false;
        }
        return me.equals(personId)
                || directory.card(personId).map(p -> me.equals(p.managerId())).orElse(false);
    }

    /**
     * The agreed outcomes per competency of a person over time, oldest first, for the person and their current
     * manager; not found for anyone else. One statement after the access check.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CompetencyHistory> history(Long personId) {
        if (!mayReadHistory(personId)) {
            throw new NotFoundException("Person not found");
        }
        return historyOf(personId);
    }

    List<CompetencyHistory> historyOf(Long personId) {
        var byKey = new LinkedHashMap<String, List<CompetencyHistory.Point>>();
        var names = new LinkedHashMap<String, String>();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select i.competency_key, i.competency_name, i.outcome, c.id, c.agreed_at, c.cycle,
                            c.target_level_key
                        from check_in_item i join check_in c on c.id = i.check_in_id
                        where c.engineer_id = :person and c.agreed_at is not null and i.outcome is not null
                        order by c.agreed_at, c.id, i.position""", Tuple.class)
                .setParameter("person", personId)
                .getResultList();
        for (var t : rows) {
            var key = t.get("competency_key", String.class);
            names.put(key, t.get("competency_name", String.class));
            byKey.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new CompetencyHistory.Point(
                            t.get("id", Number.class).longValue(),
                            instant(t.get("agreed_at")),
                            t.get("cycle", String.class),
                            t.get("target_level_key", String.class),
                            Rating.valueOf(t.get("outcome", String.class))));
        }
        var result = new ArrayList<CompetencyHistory>();
        byKey.forEach((k, points) -> result.add(new CompetencyHistory(k, names.get(k), List.copyOf(points))));
        return result;
    }

    private static String name(app.rungs.people.service.PersonCard card) {
        return card == null ? "Former colleague" : card.fullName();
    }

    private static CheckInRow row(Tuple t, Long me) {
        var engineerId = t.get("engineer_id", Number.class).longValue();
        var mySide = me.equals(engineerId) ? Side.ENGINEER : Side.MANAGER;
        var engineerSubmitted = t.get("engineer_submitted_at") != null;
        var managerSubmitted = t.get("manager_submitted_at") != null;
        var agreedAt = instant(t.get("agreed_at"));
        return new CheckInRow(
                t.get("id", Number.class).longValue(),
                engineerId,
                t.get("engineer_name", String.class),
                t.get("manager_name", String.class),
                t.get("cycle", String.class),
                t.get("target_level_key", String.class),
                instant(t.get("due_at")),
                instant(t.get("updated_at")),
                agreedAt,
                CheckInStatus.of(engineerSubmitted, managerSubmitted, agreedAt != null),
                mySide,
                mySide == Side.ENGINEER ? engineerSubmitted : managerSubmitted,
                mySide == Side.ENGINEER ? managerSubmitted : engineerSubmitted);
    }

    /** Native timestamps arrive as Instant, OffsetDateTime or Timestamp depending on the column and driver. */
    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
