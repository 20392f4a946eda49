package app.rungs.feedback.service;

import app.rungs.feedback.domain.AskStatus;
import java.time.Instant;
import java.util.List;

/** One request as the peer asked sees it, to answer or decline. */
public record AnswerForm(
        Long askId,
        long version,
        AskStatus status,
        String subjectName,
        String requesterName,
        String message,
        Instant deadline,
        List<Topic> topics) {}
