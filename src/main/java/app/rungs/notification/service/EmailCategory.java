package app.rungs.notification.service;

/**
 * What a notification is about, as far as email is concerned: each person switches email on or off per category
 * (see {@link EmailPreferences}). In-app notifications are always created.
 */
public enum EmailCategory {
    REVIEW_ACTIVITY("Review activity", "Your evidence acknowledged or returned, waiver requests and decisions", true),
    PROMOTION("Promotion cases", "Nominations, review requests and every step of cases you are part of", true),
    CALIBRATION("Calibration", "Your calibration outcome when a session is published", true),
    REMINDERS("Reminders", "Deadlines coming up and deadlines missed", true),
    ADMIN_ALERTS("Admin alerts", "Problems an admin must look at, such as a failed audit log check", true),
    CHECK_INS("Check-ins", "Check-ins started with you, ready to compare and agreed", true),
    FEEDBACK("Peer feedback", "Requests for your feedback on colleagues, and responses to your own requests", true);

    private final String label;
    private final String description;
    private final boolean defaultOn;

    EmailCategory(String label, String description, boolean defaultOn) {
        this.label = label;
        this.description = description;
        this.defaultOn = defaultOn;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether people who never chose get these emails. */
    public boolean defaultOn() {
        return defaultOn;
    }
}
