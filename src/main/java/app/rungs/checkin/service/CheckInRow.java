package app.rungs.checkin.service;

import app.rungs.checkin.domain.CheckInStatus;
import app.rungs.checkin.domain.Side;
import java.time.Instant;

/** One check-in in the reader's list, with where it stands for them. */
public record CheckInRow(
        Long id,
        Long engineerId,
        String engineerName,
        String managerName,
        String cycle,
        String targetLevelKey,
        Instant dueAt,
        Instant updatedAt,
        Instant agreedAt,
        CheckInStatus status,
        Side mySide,
        boolean iSubmitted,
        boolean otherSubmitted) {

    /** What the reader sees as the check-in's state. */
    public enum Stage {
        WAITING_FOR_YOU("Waiting for you"),
        WAITING_FOR_OTHER("Waiting for the other"),
        READY_TO_COMPARE("Ready to compare"),
        AGREED("Agreed");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Stage stage() {
        return switch (status) {
            case AGREED -> Stage.AGREED;
            case READY_TO_COMPARE -> Stage.READY_TO_COMPARE;
            case RATING -> iSubmitted ? Stage.WAITING_FOR_OTHER : Stage.WAITING_FOR_YOU;
        };
    }

    /** "Waiting for Daniel Okafor" style text naming the other participant. */
    public String stageText() {
        var other = mySide == Side.ENGINEER ? managerName : engineerName;
        return stage() == Stage.WAITING_FOR_OTHER ? "Waiting for " + other : stage().label();
    }
}
