package app.rungs.promotion.service;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.Colleague;
import app.rungs.people.service.LineQuery;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.promotion.domain.PromotionReviewer;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.RungsUser;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of promotion cases and what the nomination dialog offers: admins see every case, managers their reporting
 * line's, everyone their own and the ones they review. Each list costs a fixed number of statements whatever the size
 * of the organization.
 */
@Service
public class PromotionQueries {

    private static final Map<String, String> SORTABLE = Map.of(
            "engineerName", "engineerName",
            "status", "status",
            "cycle", "cycle",
            "targetLevelKey", "targetLevelKey",
            "updatedAt", "updatedAt");

    private final PromotionCaseRepository cases;
    private final PeopleService people;
    private final PersonDirectory directory;
    private final LadderService ladders;

    PromotionQueries(
            PromotionCaseRepository cases, PeopleService people, PersonDirectory directory, LadderService ladders) {
        this.cases = cases;
        this.people = people;
        this.directory = directory;
        this.ladders = ladders;
    }

    /**
     * One page of the cases the signed-in user may see: admins all, managers their reporting line's, everyone their
     * own and the ones they review.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CaseRow> find(CaseFilter filter, Pageable page) {
        var scope = Scope.of(CurrentUser.require());
        if (scope.isEmpty()) {
            return List.of();
        }
        var sort = sort(page.getSort());
        return cases
                .findBy(
                        visible(scope, filter),
                        q -> q.slice(PageRequest.of(page.getPageNumber(), page.getPageSize(), sort)))
                .stream()
                .map(PromotionQueries::row)
                .toList();
    }

    /** One engineer's cases the signed-in user may see, newest first (the person page's "Promotion cases" tab). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CaseRow> casesOf(Long engineerId) {
        var scope = Scope.of(CurrentUser.require());
        if (scope.isEmpty() || engineerId == null) {
            return List.of();
        }
        Specification<PromotionCase> ofEngineer = (root, query, cb) -> cb.equal(root.get("engineerId"), engineerId);
        return find(ofEngineer.and(visible(scope, CaseFilter.none())), 100);
    }

    static CaseRow row(PromotionCase c) {
        return new CaseRow(
                c.getId(),
                c.getEngineerId(),
                c.getEngineerName(),
                c.getCurrentLevelKey(),
                c.getTargetLevelKey(),
                c.getCycle(),
                c.getStatus(),
                c.isSelfNominated(),
                c.getNominatedByName(),
                c.getUpdatedAt());
    }

    private List<CaseRow> find(Specification<PromotionCase> spec, int limit) {
        return cases
                .findBy(spec, q -> q.slice(PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "updatedAt", "id"))))
                .stream()
                .map(PromotionQueries::row)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long count(CaseFilter filter) {
        var scope = Scope.of(CurrentUser.require());
        return scope.isEmpty() ? 0 : cases.count(visible(scope, filter));
    }

    /** How many cases exist at all; the demo seeds its cases into an empty log only. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long countAll() {
        return cases.count();
    }

    /** Cycle labels in use, newest first, for the grid's filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> cycles() {
        var scope = Scope.of(CurrentUser.require());
        if (scope.all()) {
            return cases.cycles();
        }
        // Others learn only the cycles of cases they may see, not which cycles the organization ran.
        return visibleCases(scope).stream()
                .map(PromotionCase::getCycle)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /** Target levels in use, for the grid's filter; non-admins only those of cases they may see. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> targetLevels() {
        var scope = Scope.of(CurrentUser.require());
        if (scope.all()) {
            return cases.targetLevels();
        }
        return visibleCases(scope).stream()
                .map(PromotionCase::getTargetLevelKey)
                .distinct()
                .sorted()
                .toList();
    }

    private List<PromotionCase> visibleCases(Scope scope) {
        return scope.isEmpty() ? List.of() : cases.findAll(visible(scope, null));
    }

    /** The signed-in engineer's open case, if any. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<CaseRow> myOpenCase() {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return Optional.empty();
        }
        return cases.findOpenOf(me, CaseStatus.OPEN).map(PromotionQueries::row);
    }

    /**
     * One page of the people a manager may nominate, by name: active people of their reporting line placed on a
     * ladder whose name contains the text. Two statements per page whatever the size of the line.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public List<PersonCard> nominationCandidates(String text, int offset, int limit) {
        var ids = people.myLinePage(LineQuery.nominable(text), offset, limit);
        return List.copyOf(directory.cards(ids).values());
    }

    /** The levels above a person's current one (null: the signed-in user), nearest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LadderContent.LevelView> targetLevels(Long personId) {
        var id = personId == null ? CurrentUser.require().personId() : personId;
        if (id == null) {
            return List.of();
        }
        // Ladder and level are directory facts; the levels above them are the published ladder's.
        var person = directory.card(id).orElse(null);
        if (person == null || person.ladderId() == null) {
            return List.of();
        }
        return ladders.published(person.ladderId())
                .map(ladder -> {
                    var current = ladder.level(person.levelKey());
                    return ladder.levels().stream()
                            .filter(l -> current.isEmpty()
                                    || l.position() > current.get().position())
                            .toList();
                })
                .orElse(List.of());
    }

    /**
     * Whose cases a user sees in lists; admins everyone's. A manager's line is scoped in SQL (people's
     * {@code reporting_line_members}, V34) by the manager's id, never as a list of the line's ids.
     */
    private record Scope(boolean all, Long personId, Long lineOf) {

        static Scope of(RungsUser me) {
            if (me.has(Role.ADMIN)) {
                return new Scope(true, null, null);
            }
            return new Scope(
                    false, me.personId(), me.has(Role.MANAGER) && me.personId() != null ? me.personId() : null);
        }

        boolean isEmpty() {
            return !all && personId == null;
        }
    }

    private static Specification<PromotionCase> visible(Scope scope, CaseFilter filter) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            if (!scope.all()) {
                var who = new ArrayList<Predicate>();
                who.add(cb.equal(root.get("engineerId"), scope.personId()));
                if (scope.lineOf() != null) {
                    var hcb = (HibernateCriteriaBuilder) cb;
                    who.add(hcb.wrap(hcb.sql(
                            "? in (select m.person_id from reporting_line_members(?) m)",
                            Boolean.class,
                            root.get("engineerId"),
                            hcb.literal(scope.lineOf()))));
                }
                var reviewed = query.subquery(Long.class);
                var r = reviewed.from(PromotionReviewer.class);
                reviewed.select(r.get("caseId")).where(cb.equal(r.get("personId"), scope.personId()));
                who.add(root.get("id").in(reviewed));
                predicates.add(cb.or(who.toArray(Predicate[]::new)));
            }
            if (filter != null) {
                if (filter.status() != null) {
                    predicates.add(cb.equal(root.get("status"), filter.status()));
                }
                if (filter.targetLevelKey() != null && !filter.targetLevelKey().isBlank()) {
                    predicates.add(cb.equal(root.get("targetLevelKey"), filter.targetLevelKey()));
                }
                if (filter.cycle() != null && !filter.cycle().isBlank()) {
                    predicates.add(cb.equal(root.get("cycle"), filter.cycle()));
                }
                if (filter.engineerName() != null && !filter.engineerName().isBlank()) {
                    predicates.add(cb.like(
                            cb.lower(root.get("engineerName")),
                            "%" + filter.engineerName().strip().toLowerCase(Locale.ROOT) + "%"));
                }
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static Sort sort(Sort requested) {
        var orders = new ArrayList<Sort.Order>();
        for (var order : requested) {
            var property = SORTABLE.get(order.getProperty());
            if (property != null) {
                orders.add(new Sort.Order(order.getDirection(), property));
            }
        }
        if (orders.isEmpty()) {
            return Sort.by(Sort.Direction.DESC, "updatedAt", "id");
        }
        orders.add(Sort.Order.desc("id"));
        return Sort.by(orders);
    }

    /** Colleagues who may be chosen as reviewers, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<Colleague> reviewerCandidates(String text, int limit) {
        return people.colleagues(text, limit);
    }
}
