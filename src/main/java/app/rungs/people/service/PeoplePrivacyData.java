package app.rungs.people.service;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People data for retention: who left, and when. */
@Service
public class PeoplePrivacyData {

    private final JdbcClient jdbc;

    PeoplePrivacyData(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Ids of people who left before the cutoff, in id order after {@code afterId} (keyset paging). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<Long> leftBefore(LocalDate cutoff, long afterId, int limit) {
        return jdbc.sql("""
                        select id from person where not active and left_date is not null and left_date < :cutoff
                        and id > :after order by id limit :limit""")
                .param("cutoff", cutoff)
                .param("after", afterId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }
}
