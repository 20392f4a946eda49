package app.rungs.feedback.service;

import app.rungs.feedback.domain.Rating;
import java.util.List;

/** A peer's answer on one topic as typed: rating (optional), examples (required with a rating), links. */
public record TopicAnswerInput(String topicKey, Rating rating, String examples, List<String> links) {}
