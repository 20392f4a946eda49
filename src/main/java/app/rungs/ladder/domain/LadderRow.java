package app.rungs.ladder.domain;

import java.time.Instant;

/** A ladder with its current and draft version, as one row of the ladders list. */
public record LadderRow(
        Long id,
        String name,
        String description,
        boolean retired,
        long version,
        Long publishedVersionId,
        Integer publishedNumber,
        Instant publishedAt,
        Long draftVersionId,
        Integer draftNumber) {}
