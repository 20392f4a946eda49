package app.rungs.privacy.domain;

/**
 * The kinds of personal data with a retention period an admin configures. The audit log is not one of them: it is
 * append-only and kept forever by design (a tamper-evident chain cannot lose rows).
 */
public enum RetentionKind {
    READ_NOTIFICATIONS(
            "Read notifications",
            "In-app notifications the person has read, counted from when they were read. Unread ones are kept.",
            Unit.DAYS,
            180,
            3650),
    CALIBRATION_PRESENCE(
            "Calibration board presence",
            "Who had a calibration board open and when (heartbeat rows).",
            Unit.DAYS,
            1,
            365),
    ATTACHMENTS_OF_LEFT_PEOPLE(
            "Evidence attachments of people who left",
            "Uploaded files of people who left, counted from their leaving date. The items' text stays.",
            Unit.MONTHS,
            12,
            120),
    LEFT_PEOPLE(
            "People who left",
            "Anonymization of people who left, counted from their leaving date (done by the erasure service).",
            Unit.MONTHS,
            24,
            120);

    /** The unit of a kind's period. */
    public enum Unit {
        DAYS("days"),
        MONTHS("months");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** "1 day", "180 days", "1 month". */
        public String of(int amount) {
            return amount + " " + (amount == 1 ? label.substring(0, label.length() - 1) : label);
        }
    }

    private final String label;
    private final String description;
    private final Unit unit;
    private final int defaultKeepFor;
    private final int maxKeepFor;

    RetentionKind(String label, String description, Unit unit, int defaultKeepFor, int maxKeepFor) {
        this.label = label;
        this.description = description;
        this.unit = unit;
        this.defaultKeepFor = defaultKeepFor;
        this.maxKeepFor = maxKeepFor;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public Unit unit() {
        return unit;
    }

    public int defaultKeepFor() {
        return defaultKeepFor;
    }

    /** The longest finite period accepted (ten years); longer is "keep forever". */
    public int maxKeepFor() {
        return maxKeepFor;
    }
}
