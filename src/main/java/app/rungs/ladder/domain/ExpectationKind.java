package app.rungs.ladder.domain;

/** An expectation either states what a level asks, or says explicitly that nothing is asked at that level. */
public enum ExpectationKind {
    EXPECTED,
    NOT_EXPECTED
}
