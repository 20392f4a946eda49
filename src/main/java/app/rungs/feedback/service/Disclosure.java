package app.rungs.feedback.service;

/** How much of a request's answers the reader gets. */
public enum Disclosure {
    /** Every answer with the peer's name and date. */
    ATTRIBUTED,
    /** Answers without names or dates, in an order that reveals nobody (3 or more answers). */
    ANONYMIZED,
    /** Only how many answered: too few to keep anyone anonymous. */
    WITHHELD,
    /** Nothing of the answers: the organization does not show feedback to the engineer. */
    HIDDEN
}
