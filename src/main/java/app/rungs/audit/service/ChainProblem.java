package app.rungs.audit.service;

/** What is wrong at the first broken link of the audit chain. */
public enum ChainProblem {
    CONTENT_CHANGED("content changed"),
    ROW_MISSING("row missing"),
    ORDER_BROKEN("order broken"),
    CHAIN_REWRITTEN("chain rewritten since an earlier check");

    private final String label;

    ChainProblem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
