package app.rungs.feedback.service;

import app.rungs.feedback.domain.AskStatus;
import java.time.Instant;

/** One request asked of the signed-in peer, as listed under "Asked of me". */
public record AskedRow(
        Long askId,
        String subjectName,
        String requesterName,
        String topics,
        Instant deadline,
        AskStatus status,
        Instant respondedAt) {}
