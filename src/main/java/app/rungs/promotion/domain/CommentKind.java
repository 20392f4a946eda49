package app.rungs.promotion.domain;

/** A comment on a case: visible to everyone who sees the case, or a committee note the engineer never sees. */
public enum CommentKind {
    COMMENT("Comment"),
    COMMITTEE_NOTE("Committee note");

    private final String label;

    CommentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
