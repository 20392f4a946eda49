package app.rungs.promotion.service;

/** In-app routes of promotion cases, in one place (notifications carry them). */
public final class PromotionRoutes {

    private PromotionRoutes() {}

    public static String promotionCase(Long caseId) {
        return "promotions/" + caseId;
    }
}
