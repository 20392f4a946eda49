package app.rungs.webhook.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    /** Whether a delivery with this id was processed or ignored before (refused ones do not count). */
    @Query("select count(d) > 0 from WebhookDelivery d where d.source = ?1 and d.deliveryId = ?2"
            + " and d.outcome in (app.rungs.webhook.domain.DeliveryOutcome.PROCESSED,"
            + " app.rungs.webhook.domain.DeliveryOutcome.IGNORED)")
    boolean seen(WebhookSource source, String deliveryId);

    @Query("select d from WebhookDelivery d order by d.receivedAt desc, d.id desc")
    List<WebhookDelivery> newestFirst(Pageable page);
}
