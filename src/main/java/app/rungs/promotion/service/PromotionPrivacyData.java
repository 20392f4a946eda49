package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseRole;
import app.rungs.security.service.PersonalDataAccess;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promotion cases about a person, for their data export. */
@Service
public class PromotionPrivacyData {

    private final PromotionPackets promotions;
    private final JdbcClient jdbc;

    PromotionPrivacyData(PromotionPackets promotions, DataSource dataSource) {
        this.promotions = promotions;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Every case about the person, oldest first. {@code internal} false: exactly as the engineer sees their case (no
     * committee notes, no reviewers' comments, no hidden timeline notes), whoever asks. {@code internal} true: the
     * admin's complete view, for admins only and never about themselves.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CaseDetails> casesAbout(Long personId, boolean internal) {
        if (internal) {
            PersonalDataAccess.requireInternalAccess(personId);
        } else {
            PersonalDataAccess.requireSelfOrAdmin(personId);
        }
        var roles = internal ? EnumSet.of(CaseRole.ADMIN) : EnumSet.of(CaseRole.ENGINEER);
        return jdbc
                .sql("select id from promotion_case where engineer_id = :person order by created_at, id")
                .param("person", personId)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> promotions.detailsAs(id, roles))
                .toList();
    }
}
