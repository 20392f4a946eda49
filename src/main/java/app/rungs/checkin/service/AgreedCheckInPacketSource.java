package app.rungs.checkin.service;

import app.rungs.checkin.domain.Rating;
import app.rungs.promotion.service.PacketInputSection;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.shared.domain.DateTexts;
import java.util.ArrayList;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The latest agreed check-in of the engineer in their promotion packet and calibration entry: the outcome agreed per
 * competency with its note. Agreed outcomes are shared by both participants, so reviewers and the engineer see the
 * same section; the two sides' own ratings and notes stay in the check-in. Called only by the promotion and
 * calibration services after they authorized the read (see {@link PacketInputSource}); one statement.
 */
@Component
class AgreedCheckInPacketSource implements PacketInputSource {

    private final JdbcClient jdbc;

    AgreedCheckInPacketSource(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<PacketInputSection> section(Request request) {
        if (request == null || request.engineerId() == null) {
            return Optional.empty();
        }
        var items = new ArrayList<PacketInputSection.Item>();
        var summary = new String[1];
        jdbc.sql("""
                        with latest as (
                            select c.id, c.cycle, c.target_level_key, c.agreed_at, c.agreement_note,
                                c.ladder_version, pm.full_name as manager_name
                            from check_in c join person pm on pm.id = c.manager_id
                            where c.engineer_id = :engineer and c.agreed_at is not null
                            order by c.agreed_at desc, c.id desc limit 1)
                        select l.*, i.competency_name, i.outcome, i.outcome_note
                        from latest l join check_in_item i on i.check_in_id = l.id
                        order by i.position""")
                .param("engineer", request.engineerId())
                .query(rs -> {
                    if (summary[0] == null) {
                        var cycle = rs.getString("cycle");
                        var note = rs.getString("agreement_note");
                        summary[0] = (cycle == null ? "" : cycle + " · ")
                                + "Agreed " + DateTexts.date(rs.getTimestamp("agreed_at").toInstant())
                                + " with " + rs.getString("manager_name")
                                + " against " + rs.getString("target_level_key")
                                + " (ladder version " + rs.getInt("ladder_version") + ")"
                                + (note == null ? "" : " — " + note);
                    }
                    items.add(new PacketInputSection.Item(
                            rs.getString("competency_name"),
                            Rating.valueOf(rs.getString("outcome")).label(),
                            rs.getString("outcome_note")));
                });
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PacketInputSection("Latest agreed check-in", summary[0], items));
    }
}
