package app.rungs.checkin.service;

import app.rungs.checkin.domain.CheckInStatus;
import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.domain.Side;
import java.time.Instant;
import java.util.List;

/**
 * A check-in as one of its two participants may read it. {@code theirs} of every item is null until both sides
 * submitted (blind rating); the submission times of both sides are shown, so each knows who is still rating.
 *
 * @param mySide the reader's side
 * @param myVersion the version of the reader's ratings (for saving them)
 * @param version the version of the check-in (for agreeing and acknowledging)
 */
public record CheckInDetails(
        Long id,
        Long engineerId,
        String engineerName,
        Long managerId,
        String managerName,
        String cycle,
        String ladderName,
        int ladderVersion,
        String levelKey,
        String targetLevelKey,
        Instant dueAt,
        Instant engineerSubmittedAt,
        Instant managerSubmittedAt,
        Instant agreedAt,
        String agreedBy,
        String agreementNote,
        Instant acknowledgedAt,
        Instant createdAt,
        CheckInStatus status,
        Side mySide,
        long myVersion,
        long version,
        List<Item> items) {

    /** A competency as the ladder version stated it, the reader's rating, the other's (null while blind), outcome. */
    public record Item(
            String competencyKey,
            String competencyName,
            String areaName,
            String statement,
            SideRating mine,
            SideRating theirs,
            Rating outcome,
            String outcomeNote) {

        public SideRating engineer(Side reader) {
            return reader == Side.ENGINEER ? mine : theirs;
        }

        public SideRating manager(Side reader) {
            return reader == Side.MANAGER ? mine : theirs;
        }

        /** Both ratings known and different. */
        public boolean disagree() {
            return mine != null
                    && theirs != null
                    && mine.rating() != null
                    && theirs.rating() != null
                    && mine.rating() != theirs.rating();
        }
    }

    public boolean blind() {
        return status == CheckInStatus.RATING;
    }

    public boolean submitted(Side side) {
        return (side == Side.ENGINEER ? engineerSubmittedAt : managerSubmittedAt) != null;
    }

    public String otherName() {
        return mySide == Side.ENGINEER ? managerName : engineerName;
    }

    public long disagreements() {
        return items.stream().filter(Item::disagree).count();
    }
}
