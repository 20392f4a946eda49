package app.rungs.people.service;

/** A manager in someone's reporting chain, and whether the signed-in user may open their page. */
public record ChainManager(Long id, String fullName, String jobTitle, boolean openable) {}
