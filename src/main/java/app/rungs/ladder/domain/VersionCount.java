package app.rungs.ladder.domain;

/** How many rows of one kind a ladder version has. */
public record VersionCount(Long versionId, long count) {}
