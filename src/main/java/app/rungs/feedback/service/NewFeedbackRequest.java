package app.rungs.feedback.service;

import app.rungs.feedback.domain.FeedbackScope;
import java.time.Instant;
import java.util.List;

/**
 * What the requester fills in: about whom, on what (competency keys, or one evidence item, or one promotion case),
 * which peers, by when, in which cycle (optional label like 2026-H2) and with what message to them.
 */
public record NewFeedbackRequest(
        Long subjectId,
        FeedbackScope scope,
        List<String> competencyKeys,
        Long evidenceId,
        Long caseId,
        List<Long> peerIds,
        Instant deadline,
        String cycle,
        String message) {}
