package app.rungs.webhook.domain;

/** The systems whose signed webhooks Rungs accepts, with the path segment of their URL (/api/webhooks/<path>). */
public enum WebhookSource {
    PAGERDUTY("PagerDuty", "pagerduty"),
    GITHUB("GitHub", "github");

    private final String label;
    private final String path;

    WebhookSource(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }
}
