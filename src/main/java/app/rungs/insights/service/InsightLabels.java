package app.rungs.insights.service;

/** Series names the charts and their click-through share. */
public final class InsightLabels {

    public static final String PROMOTED = "Promoted";
    public static final String NOT_PROMOTED = "Not promoted";
    public static final String OPEN = "Open";
    public static final String ACKNOWLEDGED = "Acknowledged";
    public static final String SUBMITTED = "In review";
    public static final String RETURNED = "Returned";

    private InsightLabels() {}
}
