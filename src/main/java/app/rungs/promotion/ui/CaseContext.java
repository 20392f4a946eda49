package app.rungs.promotion.ui;

import app.rungs.promotion.domain.CaseRole;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.promotion.service.PromotionContent;
import app.rungs.promotion.service.PromotionPackets;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.shared.ui.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * What the sections and dialogs of one case page share: the case as the signed-in user may see it, the promotion
 * services, and the page's callbacks (reload with a success message, open an evidence item).
 */
record CaseContext(
        CaseDetails details,
        PromotionService promotions,
        PromotionContent content,
        PromotionReviews reviews,
        PromotionQueries queries,
        PromotionPackets packets,
        Consumer<String> done,
        Consumer<Long> openEvidence) {

    /** Reloads the case and confirms what happened. */
    void done(String message) {
        done.accept(message);
    }

    /** Whether the user may open the engineer's evidence items (reviewers outside the line read titles only). */
    boolean seesEngineer() {
        var roles = details.roles();
        return roles.contains(CaseRole.ADMIN)
                || roles.contains(CaseRole.LINE_MANAGER)
                || roles.contains(CaseRole.ENGINEER);
    }

    static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, Formats.zone());
    }
}
