package app.rungs.evidence.domain;

/** Entries of an item's conversation: free comments and the review steps that carry a message. */
public enum CommentKind {
    COMMENT,
    SUBMITTED,
    ACKNOWLEDGED,
    RETURNED
}
