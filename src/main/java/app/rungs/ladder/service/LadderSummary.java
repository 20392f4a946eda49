package app.rungs.ladder.service;

import java.time.Instant;

/** A row of the ladders list. */
public record LadderSummary(
        Long id,
        String name,
        String description,
        boolean retired,
        Long publishedVersionId,
        Integer publishedNumber,
        Instant publishedAt,
        Long draftVersionId,
        Integer draftNumber,
        int levelCount,
        int competencyCount,
        long version) {}
