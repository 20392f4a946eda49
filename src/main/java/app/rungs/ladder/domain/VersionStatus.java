package app.rungs.ladder.domain;

/** Lifecycle of a ladder version: a draft is edited, a published one is current and immutable, a retired one is history. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
