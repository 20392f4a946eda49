package app.rungs.feedback.service;

import app.rungs.feedback.domain.Rating;
import java.time.Instant;
import java.util.List;

/** One answer on one topic; peer name and time are null when anonymized. */
public record AnswerView(
        String topicName, Rating rating, String examples, List<String> links, String peerName, Instant answeredAt) {}
