package app.rungs.promotion.service;

/** In-app routes that promotion links to, in one place (notifications and exports carry them). */
public final class PromotionRoutes {

    private PromotionRoutes() {}

    public static String promotionCase(Long caseId) {
        return "promotions/" + caseId;
    }

    public static String evidence(Long evidenceId) {
        return "evidence/" + evidenceId;
    }
}
