package app.rungs.ladder.service;

import java.time.LocalDate;

/** A level's pay band in one currency, in whole currency units, effective from a date. */
public record PayBand(String levelKey, String currency, long min, long mid, long max, LocalDate effectiveOn) {

    /** "EUR 80000 / 95000 / 110000 from 2026-01-01": the text of the CSV column, the audit log and the diff. */
    public String describe() {
        return currency + " " + min + " / " + mid + " / " + max + " from " + effectiveOn;
    }

    /** What an admin enters; any part may be missing, {@link PayBandRules} says which. */
    public record Input(String currency, Long min, Long mid, Long max, LocalDate effectiveOn) {}

    /** What one reader may see of a level's pay: company bands and the ladder's cited market reference. */
    public record LevelPay(String levelKey, java.util.List<PayBand> bands, String marketReference) {}

    /** A ladder's pay settings for the admin screen. */
    public record Settings(Long ladderId, boolean shownToEngineers, String marketReference, long version) {}

    /** A band added, changed or removed between two versions, for the version diff. */
    public record Change(String levelKey, String currency, String kind, String before, String after) {}
}
