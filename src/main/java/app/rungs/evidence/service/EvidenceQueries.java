package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceItem;
import app.rungs.evidence.domain.EvidenceStatus;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** The list queries of evidence: one person's items, a reporting line's submitted items, filters and sorting. */
final class EvidenceQueries {

    private static final Map<String, String> SORTABLE = Map.of(
            "occurredOn", "occurredOn",
            "title", "title",
            "type", "type",
            "status", "status",
            "updatedAt", "updatedAt",
            "submittedAt", "submittedAt",
            "levelKey", "levelKey");

    private EvidenceQueries() {}

    static Specification<EvidenceItem> ownedBy(Long ownerId, EvidenceFilter filter) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            predicates.add(cb.equal(root.get("ownerId"), ownerId));
            filters(filter, root, cb, predicates);
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** Leaves out drafts from other systems their owner has not submitted yet (for everyone but the owner). */
    static Specification<EvidenceItem> withoutExternalDrafts() {
        return (root, query, cb) -> cb.not(cb.and(
                cb.isNotNull(root.get("source")),
                cb.equal(root.get("status"), EvidenceStatus.DRAFT),
                cb.isNull(root.get("submittedAt"))));
    }

    /**
     * Submitted items of everyone below a manager. The line is scoped in SQL through people's
     * {@code reporting_line_members} function (V34), which the planner inlines into an index scan of the closure
     * table: no ids travel from Java, however large the line.
     */
    static Specification<EvidenceItem> awaitingReview(Long managerId, EvidenceFilter filter) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            var hcb = (HibernateCriteriaBuilder) cb;
            predicates.add(hcb.wrap(hcb.sql(
                    "? in (select m.person_id from reporting_line_members(?) m)",
                    Boolean.class,
                    root.get("ownerId"),
                    hcb.literal(managerId))));
            predicates.add(cb.equal(root.get("status"), EvidenceStatus.SUBMITTED));
            filters(filter, root, cb, predicates);
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static void filters(
            EvidenceFilter filter,
            jakarta.persistence.criteria.Root<EvidenceItem> root,
            jakarta.persistence.criteria.CriteriaBuilder cb,
            List<Predicate> predicates) {
        if (filter == null) {
            return;
        }
        if (filter.type() != null) {
            predicates.add(cb.equal(root.get("type"), filter.type()));
        }
        if (filter.status() != null) {
            predicates.add(cb.equal(root.get("status"), filter.status()));
        }
        if (filter.competencyKey() != null && !filter.competencyKey().isBlank()) {
            predicates.add(((HibernateCriteriaBuilder) cb)
                    .arrayContains(root.<String[]>get("competencyKeys"), filter.competencyKey()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            var like = "%"
                    + filter.text()
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            predicates.add(cb.like(cb.lower(root.get("title")), like, '\\'));
        }
    }

    static Sort sort(Sort requested, Sort fallback) {
        if (requested.isUnsorted()) {
            return fallback;
        }
        var orders = requested.stream()
                .filter(o -> SORTABLE.containsKey(o.getProperty()))
                .map(o -> new Sort.Order(o.getDirection(), SORTABLE.get(o.getProperty())))
                .toList();
        return orders.isEmpty() ? fallback : Sort.by(orders).and(Sort.by(Sort.Direction.DESC, "id"));
    }
}
