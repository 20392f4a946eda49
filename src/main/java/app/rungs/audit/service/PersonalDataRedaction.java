package app.rungs.audit.service;

import java.util.List;

/**
 * What an erasure redacts in the audit log: events by one of {@code usernames} (their actor becomes the pseudonym),
 * events about one of {@code objects} ("Person/12", "Evidence/300": summary and before/after state removed), and any
 * other event whose text matches {@code pattern} (a case-insensitive PostgreSQL regular expression, replaced by the
 * pseudonym).
 */
public record PersonalDataRedaction(String pseudonym, List<String> usernames, List<String> objects, String pattern) {}
