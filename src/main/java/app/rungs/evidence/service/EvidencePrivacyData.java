package app.rungs.evidence.service;

import java.util.Collection;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evidence data for retention. */
@Service
public class EvidencePrivacyData {

    private final JdbcClient jdbc;

    EvidencePrivacyData(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Deletes up to {@code limit} attachments (metadata and bytes) of the evidence owned by these people; the items
     * themselves, their text and review history stay.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public int deleteAttachmentsOf(Collection<Long> ownerIds, int limit) {
        if (ownerIds.isEmpty()) {
            return 0;
        }
        // The content rows go with their attachment (on delete cascade).
        return jdbc.sql("""
                        delete from evidence_attachment where id in (
                            select a.id from evidence_attachment a join evidence_item e on e.id = a.evidence_id
                            where e.owner_id in (:owners) order by a.id limit :limit)""").param("owners", ownerIds).param("limit", limit).update();
    }
}
