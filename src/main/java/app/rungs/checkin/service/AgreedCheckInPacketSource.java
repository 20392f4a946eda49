package app.rungs.checkin.service;

import app.rungs.checkin.domain.Rating;
import app.rungs.promotion.service.PacketInputSection;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.shared.domain.DateTexts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The latest agreed check-in of the engineer in their promotion packet and calibration entry: the outcome agreed per
 * competency with its note. Agreed outcomes are shared by both participants, so reviewers and the engineer see the
 * same section; the two sides' own ratings and notes stay in the check-in. Called only by the promotion and
 * calibration services after they authorized the read (see {@link PacketInputSource}); one statement.
 */
@Component
class AgreedCheckInPacketSource implements PacketInputSource {

    private final EntityManager em;

    AgreedCheckInPacketSource(EntityManager em) {
        this.em = em;
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
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        with latest as (
                            select c.id, c.cycle, c.target_level_key, c.agreed_at, c.agreement_note,
                                c.ladder_version, pm.full_name as manager_name
                            from check_in c join person pm on pm.id = c.manager_id
                            where c.engineer_id = :engineer and c.agreed_at is not null
                            order by c.agreed_at desc, c.id desc limit 1)
                        select l.cycle, l.target_level_key, l.agreed_at, l.agreement_note, l.ladder_version,
                            l.manager_name, i.competency_name, i.outcome, i.outcome_note
                        from latest l join check_in_item i on i.check_in_id = l.id
                        order by i.position""", Tuple.class)
                .setParameter("engineer", request.engineerId())
                .getResultList();
        var items = new ArrayList<PacketInputSection.Item>();
        for (var t : rows) {
            items.add(new PacketInputSection.Item(
                    t.get("competency_name", String.class),
                    Rating.valueOf(t.get("outcome", String.class)).label(),
                    t.get("outcome_note", String.class)));
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        var first = rows.getFirst();
        var cycle = first.get("cycle", String.class);
        var note = first.get("agreement_note", String.class);
        var summary = (cycle == null ? "" : cycle + " · ")
                + "Agreed " + DateTexts.date(CheckInReads.instant(first.get("agreed_at")))
                + " with " + first.get("manager_name", String.class)
                + " against " + first.get("target_level_key", String.class)
                + " (ladder version " + first.get("ladder_version", Number.class) + ")"
                + (note == null ? "" : " — " + note);
        return Optional.of(new PacketInputSection("Latest agreed check-in", summary, items));
    }
}
