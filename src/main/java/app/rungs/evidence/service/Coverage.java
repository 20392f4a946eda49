package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.ladder.service.LadderContent.LevelView;
import java.util.List;

/**
 * How well a person's evidence backs every expectation of a target level (inherited ones included). Evidence counts
 * for an expectation when it supports the competency and speaks to the level that defines the expectation or a
 * higher one.
 */
public record Coverage(
        Long personId,
        String fullName,
        String ladderName,
        String currentLevelKey,
        LevelView target,
        List<LevelView> levels,
        List<Line> lines) {

    /** How far an expectation is backed: by acknowledged evidence, by evidence in review, by drafts only, or not. */
    public enum State {
        ACKNOWLEDGED,
        IN_REVIEW,
        IN_PROGRESS,
        GAP
    }

    public record Line(
            String competencyKey,
            String competencyName,
            String areaName,
            String statement,
            String definedAtLevelKey,
            boolean inherited,
            List<Ref> evidence,
            State state) {}

    public record Ref(Long id, String title, EvidenceType type, EvidenceStatus status, String levelKey) {}

    public long acknowledged() {
        return lines.stream().filter(l -> l.state() == State.ACKNOWLEDGED).count();
    }

    public long inReview() {
        return lines.stream().filter(l -> l.state() == State.IN_REVIEW).count();
    }

    public long inProgress() {
        return lines.stream().filter(l -> l.state() == State.IN_PROGRESS).count();
    }

    public long gaps() {
        return lines.stream().filter(l -> l.state() == State.GAP).count();
    }

    /** Whole percent of expectations backed by acknowledged evidence. */
    public int percent() {
        return lines.isEmpty() ? 0 : (int) Math.round(100.0 * acknowledged() / lines.size());
    }

    /** "14 of 53 expectations backed by acknowledged evidence — 26%". */
    public String summary() {
        return acknowledged() + " of " + lines.size() + " expectations backed by acknowledged evidence — " + percent()
                + "%";
    }
}
