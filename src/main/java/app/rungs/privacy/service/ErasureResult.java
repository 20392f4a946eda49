package app.rungs.privacy.service;

/** What an erasure removed or pseudonymized. */
public record ErasureResult(
        Long personId,
        String pseudonym,
        boolean accountDeleted,
        int evidenceItems,
        int attachments,
        int comments,
        int promotionCases,
        int calibrationEntries,
        int notifications,
        int otherTextFields,
        int auditEventsRedacted) {}
