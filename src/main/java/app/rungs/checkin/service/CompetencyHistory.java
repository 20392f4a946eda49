package app.rungs.checkin.service;

import app.rungs.checkin.domain.Rating;
import java.time.Instant;
import java.util.List;

/** The agreed outcomes of one competency over a person's check-ins, oldest first. */
public record CompetencyHistory(String competencyKey, String competencyName, List<Point> points) {

    public record Point(Long checkInId, Instant agreedAt, String cycle, String targetLevelKey, Rating outcome) {}

    public Rating latest() {
        return points.isEmpty() ? null : points.getLast().outcome();
    }
}
