package app.rungs.feedback.service;

/**
 * How the signed-in user relates to feedback about one engineer, strongest first: those who read answers with names
 * (the requester, the engineer's manager chain, reviewers and committee of the engineer's open case), the engineer
 * (as the organization chooses), a peer (their own answer only), everyone else (nothing, not even that it exists).
 */
enum Reader {
    ATTRIBUTED,
    SUBJECT,
    PEER,
    OUTSIDER
}
