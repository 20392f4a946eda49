package app.rungs.privacy.service;

import java.time.LocalDate;

/** What erasing a person would remove, shown in the confirmation dialog before anything happens. */
public record ErasurePreview(
        Long personId,
        String fullName,
        boolean active,
        boolean erased,
        LocalDate leftDate,
        boolean hasAccount,
        int evidenceItems,
        int attachments,
        int comments,
        int promotionCases,
        int calibrationEntries,
        int notifications) {

    /** What an erased person is called from then on. */
    public static String pseudonymOf(Long personId) {
        return "Former employee #" + personId;
    }

    public String pseudonym() {
        return pseudonymOf(personId);
    }

    /** Why erasure is refused, or null when it may go ahead. */
    public String refusal() {
        if (erased) {
            return "The personal data of " + fullName + " has already been erased.";
        }
        if (active) {
            return fullName + " is still active. Only people who have left can be erased: mark them as left first.";
        }
        return null;
    }
}
