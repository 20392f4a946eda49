package app.rungs.privacy.service;

/**
 * Anonymizes a person who left: the retention policy for "people who left" calls it for everyone whose leaving date
 * is older than the configured period. Implemented by the erasure service; while no implementation is present, the
 * retention job does not pretend: it reports how many people are pending anonymization and flags the run.
 */
public interface PersonAnonymizer {

    /**
     * Anonymizes the person if that has not happened yet; runs with the caller's identity (an admin, or the system
     * identity of the scheduled job). Returns true when this call anonymized them, false when they already were.
     */
    boolean anonymize(Long personId);
}
