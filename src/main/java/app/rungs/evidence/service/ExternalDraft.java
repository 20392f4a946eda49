package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What another system knows about a piece of work, to become a draft for one person. {@code externalRef} identifies
 * the work there (an incident id, a pull request URL); a second draft with the same person, source and reference is
 * never created. {@code details} holds only the type fields the system knows (see {@link EvidenceFields}); the
 * engineer completes the rest.
 */
public record ExternalDraft(
        Long personId,
        EvidenceSource source,
        String externalRef,
        EvidenceType type,
        String title,
        LocalDate occurredOn,
        String description,
        List<String> links,
        Map<String, String> details) {}
