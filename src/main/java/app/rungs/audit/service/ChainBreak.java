package app.rungs.audit.service;

import java.time.Instant;

/** The first broken link of the audit chain: the event where verification failed (null id: no such row). */
public record ChainBreak(Long eventId, Long chainSeq, Instant occurredAt, ChainProblem problem, String detail) {}
