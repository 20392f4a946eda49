package app.rungs.insights.service;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The choices of the insight filters: ladders, tracks, teams and cycles, in one statement. */
@Service
public class InsightOptions {

    /** A choice: what the filter binds and what the user reads. */
    public record Choice(String kind, String value, String label) {}

    public static final String LADDER = "ladder";
    public static final String TRACK = "track";
    public static final String TEAM = "team";
    public static final String CYCLE = "cycle";

    private final EntityManager em;

    InsightOptions(EntityManager em) {
        this.em = em;
    }

    /** Every ladder, track and team, and every cycle with a promotion case, sorted by kind then label. */
    @Transactional(readOnly = true)
    @PreAuthorize(InsightQueries.WHO)
    @SuppressWarnings("unchecked")
    public List<Choice> choices() {
        List<Object[]> rows = em.createNativeQuery("""
                        select 'ladder', cast(id as varchar), name from ladder where not retired
                        union all
                        select distinct 'track', t.track_key, t.name from ladder_track t
                            join ladder_version v on v.id = t.ladder_version_id and v.status = 'PUBLISHED'
                        union all
                        select 'team', cast(id as varchar), name from team
                        union all
                        select distinct 'cycle', cycle, cycle from promotion_case
                        order by 1, 3
                        """).getResultList();
        var result = new ArrayList<Choice>();
        for (var r : rows) {
            result.add(new Choice(r[0].toString(), r[1].toString(), r[2].toString()));
        }
        return result;
    }
}
