package app.rungs.security.service;

/** Who an account is, for lists that name many accounts at once (the audit log). */
public record AccountName(String username, String displayName, Long personId) {}
