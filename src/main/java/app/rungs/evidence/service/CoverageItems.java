package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The reads behind one person's coverage, bounded whatever the number of their items (docs/decisions/0030): counts
 * per competency, level and status aggregated in PostgreSQL, the newest few items per competency and level for the
 * chips shown when the page opens, and further items one page at a time on request. Someone with thousands of items
 * never has them all loaded or rendered.
 */
@Component
class CoverageItems {

    /** Evidence chips shown per expectation when coverage opens; "show more" pages in the rest. */
    static final int FIRST = 5;

    /** The most a "show more" page returns. */
    static final int PAGE = 50;

    @PersistenceContext
    private EntityManager em;

    /** How many of the person's items tag a competency at a level with a status. */
    record Fact(String competencyKey, String levelKey, EvidenceStatus status, long items) {}

    /** An item as a chip, with the competency it was found under. */
    record Tagged(String competencyKey, Coverage.Ref ref) {}

    /** One row per competency, level and status the person's items carry, with how many: one statement. */
    @SuppressWarnings("unchecked")
    List<Fact> facts(long ownerId) {
        List<Object[]> rows =
                em.createNativeQuery("""
                        select k.key, e.level_key, e.status, count(*)
                        from evidence_item e cross join lateral unnest(e.competency_keys) as k(key)
                        where e.owner_id = :owner
                        group by k.key, e.level_key, e.status
                        """).setParameter("owner", ownerId).getResultList();
        var facts = new ArrayList<Fact>(rows.size());
        for (var r : rows) {
            facts.add(new Fact(
                    (String) r[0], (String) r[1], EvidenceStatus.valueOf((String) r[2]), ((Number) r[3]).longValue()));
        }
        return facts;
    }

    /**
     * For each competency and level, the person's newest {@code perKeyAndLevel} items tagged with it, newest first:
     * at most (competencies × levels × perKeyAndLevel) rows, whatever the number of items. Enough to show the newest
     * few of any expectation, which counts the items of its competency at a set of levels.
     */
    @SuppressWarnings("unchecked")
    List<Tagged> newest(long ownerId, int perKeyAndLevel) {
        List<Object[]> rows = em.createNativeQuery("""
                        select x.key, x.id, x.title, x.type, x.status, x.level_key
                        from (select k.key, e.id, e.title, e.type, e.status, e.level_key, e.occurred_on,
                                     row_number() over (partition by k.key, e.level_key
                                                        order by e.occurred_on desc, e.id desc) as n
                              from evidence_item e cross join lateral unnest(e.competency_keys) as k(key)
                              where e.owner_id = :owner) x
                        where x.n <= :per
                        order by x.occurred_on desc, x.id desc
                        """)
                .setParameter("owner", ownerId)
                .setParameter("per", perKeyAndLevel)
                .getResultList();
        var tagged = new ArrayList<Tagged>(rows.size());
        for (var r : rows) {
            tagged.add(new Tagged((String) r[0], ref(r, 1)));
        }
        return tagged;
    }

    /** A page of the person's items tagging a competency at one of the levels, newest first. */
    @SuppressWarnings("unchecked")
    List<Coverage.Ref> page(long ownerId, String competencyKey, Collection<String> levelKeys, int offset, int limit) {
        if (levelKeys.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select e.id, e.title, e.type, e.status, e.level_key
                        from evidence_item e
                        where e.owner_id = :owner and cast(:key as varchar) = any(e.competency_keys)
                          and e.level_key in (:levels)
                        order by e.occurred_on desc, e.id desc
                        offset :offset limit :limit
                        """)
                .setParameter("owner", ownerId)
                .setParameter("key", competencyKey)
                .setParameter("levels", levelKeys)
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        var refs = new ArrayList<Coverage.Ref>(rows.size());
        for (var r : rows) {
            refs.add(ref(r, 0));
        }
        return refs;
    }

    private static Coverage.Ref ref(Object[] r, int from) {
        return new Coverage.Ref(
                ((Number) r[from]).longValue(),
                (String) r[from + 1],
                EvidenceType.valueOf((String) r[from + 2]),
                EvidenceStatus.valueOf((String) r[from + 3]),
                (String) r[from + 4]);
    }
}
