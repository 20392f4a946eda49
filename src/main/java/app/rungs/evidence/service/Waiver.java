package app.rungs.evidence.service;

import app.rungs.evidence.domain.WaiverStatus;
import java.time.Instant;

/** One waiver as screens show it, with what the signed-in user may do to it. */
public record Waiver(
        Long id,
        Long personId,
        String competencyKey,
        String reason,
        WaiverStatus status,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        long version,
        boolean mayDecide) {}
