package app.rungs.evidence.domain;

/** How the signed-in user relates to an item. Everyone who may see an item at all is a viewer. */
public enum EvidenceRole {
    /** The engineer whose evidence it is; only they change its content. */
    OWNER,
    /** A manager with the owner in their reporting line (never the owner themselves). */
    REVIEWER,
    /** Anyone who may see the item: the owner, managers of their line, admins. */
    VIEWER
}
