package app.rungs.feedback.domain;

/** What a feedback request is about: competencies of the engineer's path, one evidence item or one promotion case. */
public enum FeedbackScope {
    COMPETENCIES,
    EVIDENCE,
    CASE
}
