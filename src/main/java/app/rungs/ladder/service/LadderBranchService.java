package app.rungs.ladder.service;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.Track;
import app.rungs.ladder.domain.TrackRepository;
import app.rungs.shared.service.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits the branches of a draft: its tracks, which track a level is on and how many electives it asks, a competency's
 * applicability and weight, and the readiness rule. Like the other structure services, every change names the draft
 * version the caller saw and returns the new one; a stale version is refused with {@link ConcurrentEditException}.
 */
@Service
public class LadderBranchService {

    static final int MAX_WEIGHT = 5;

    private final TrackRepository tracks;
    private final LevelRepository levels;
    private final CompetencyRepository competencies;
    private final LadderVersionRepository versions;
    private final DraftStructure edits;

    LadderBranchService(
            TrackRepository tracks,
            LevelRepository levels,
            CompetencyRepository competencies,
            LadderVersionRepository versions,
            DraftStructure edits) {
        this.tracks = tracks;
        this.levels = levels;
        this.competencies = competencies;
        this.versions = versions;
        this.edits = edits;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addTrack(
            Long versionId, long expectedVersion, String key, String name, String forksFrom, String description) {
        var draft = edits.claim(versionId, expectedVersion);
        var all = tracks.findByVersion(versionId);
        var cleanName = DraftStructure.requireName(name, "track", "name");
        var trackKey = DraftStructure.newKey(
                key,
                cleanName,
                LadderFileText::upperKey,
                LadderDocumentValidator.LEVEL_OR_TIER_KEY,
                "upper-case letters, digits and '-'",
                DraftStructure.keys(all, Track::getKey),
                "track");
        var fork = forkLevel(versionId, forksFrom, trackKey);
        int position = all.stream().mapToInt(Track::getPosition).max().orElse(-1) + 1;
        var track = new Track(draft, trackKey, cleanName, fork, position);
        track.setDescription(DraftStructure.text(description, "description"));
        tracks.save(track);
        edits.record(
                draft,
                "Added track " + cleanName + " (" + trackKey + ")",
                null,
                map("track", trackKey, "forksFrom", fork));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long updateTrack(
            Long versionId, long expectedVersion, String trackKey, String name, String forksFrom, String description) {
        var draft = edits.claim(versionId, expectedVersion);
        var track = DraftStructure.find(tracks.findByVersion(versionId), Track::getKey, trackKey, "Track");
        var before = map("name", track.getName(), "forksFrom", track.getForksFromLevelKey());
        track.setName(DraftStructure.requireName(name, "track", "name"));
        track.setForksFromLevelKey(forkLevel(versionId, forksFrom, trackKey));
        track.setDescription(DraftStructure.text(description, "description"));
        edits.record(
                draft,
                "Edited track " + trackKey,
                before,
                map("name", track.getName(), "forksFrom", track.getForksFromLevelKey()));
        return expectedVersion + 1;
    }

    /** Removes a track that no level is on any more, so no level is left pointing at nothing. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeTrack(Long versionId, long expectedVersion, String trackKey) {
        var draft = edits.claim(versionId, expectedVersion);
        var track = DraftStructure.find(tracks.findByVersion(versionId), Track::getKey, trackKey, "Track");
        var onIt = levels.findByVersion(versionId).stream()
                .filter(l -> trackKey.equals(l.getTrackKey()))
                .map(Level::getKey)
                .toList();
        if (!onIt.isEmpty()) {
            throw new ValidationException("Track " + track.getName() + " still has "
                    + (onIt.size() == 1 ? "level " : "levels ") + String.join(", ", onIt)
                    + "; move them to another track or make them shared first.");
        }
        tracks.delete(track);
        edits.record(draft, "Removed track " + track.getName() + " (" + trackKey + ")", map("track", trackKey), null);
        return expectedVersion + 1;
    }

    /** Puts a level on a track (null: shared) and sets how many of its electives a person must back. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long setLevelBranch(
            Long versionId, long expectedVersion, String levelKey, String trackKey, int electivesRequired) {
        var draft = edits.claim(versionId, expectedVersion);
        var level = DraftStructure.find(levels.findByVersion(versionId), Level::getKey, levelKey, "Level");
        var cleanTrack = trackKey == null || trackKey.isBlank() ? null : trackKey.strip();
        if (cleanTrack != null) {
            var track = DraftStructure.find(tracks.findByVersion(versionId), Track::getKey, cleanTrack, "Track");
            if (levelKey.equals(track.getForksFromLevelKey())) {
                throw new ValidationException("Track " + track.getName() + " forks from " + levelKey + ", so "
                        + levelKey + " cannot be on it; choose another fork level first.");
            }
        }
        if (electivesRequired < 0 || electivesRequired > 50) {
            throw new ValidationException(
                    "The number of electives is between 0 and 50 (got " + electivesRequired + ").");
        }
        var before = map("track", level.getTrackKey(), "electivesRequired", level.getElectivesRequired());
        level.setTrackKey(cleanTrack);
        level.setElectivesRequired(electivesRequired);
        edits.record(
                draft,
                "Set the track and electives of level " + levelKey,
                before,
                map("track", cleanTrack, "electivesRequired", electivesRequired));
        return expectedVersion + 1;
    }

    /** Whom a competency applies to (specializations matter for TRACK) and its weight (1..5). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long setApplicability(
            Long versionId,
            long expectedVersion,
            String competencyKey,
            Applicability applicability,
            List<SpecializationTrack> specializations,
            int weight) {
        var draft = edits.claim(versionId, expectedVersion);
        var competency = DraftStructure.find(
                competencies.findByVersion(versionId),
                app.rungs.ladder.domain.Competency::getKey,
                competencyKey,
                "Competency");
        if (applicability == null) {
            throw new ValidationException("Choose whether the competency is core, track-specific or elective.");
        }
        var specs = DraftStructure.ordered(specializations);
        if (applicability == Applicability.TRACK && specs.isEmpty()) {
            throw new ValidationException("A track-specific competency needs at least one specialization it applies"
                    + " to; choose one or make it core.");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new ValidationException("A weight is between 1 and " + MAX_WEIGHT + " (got " + weight + ").");
        }
        var before = map(
                "applicability", competency.getApplicability(),
                "specializations", competency.getSpecializations(),
                "weight", competency.getWeight());
        competency.setApplicability(applicability);
        competency.setSpecializations(specs);
        competency.setWeight(weight);
        edits.record(
                draft,
                "Set " + competencyKey + " to " + applicability.label().toLowerCase() + ", weight " + weight,
                before,
                map("applicability", applicability, "specializations", specs, "weight", weight));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long setRule(
            Long versionId, long expectedVersion, boolean currentCore, int targetPercent, boolean weighted) {
        if (targetPercent < 0 || targetPercent > 100) {
            throw new ValidationException(
                    "The share of the target level is a percentage from 0 to 100 (got " + targetPercent + ").");
        }
        var draft = edits.claim(versionId, expectedVersion);
        var before = new ReadinessRule(draft.isRuleCurrentCore(), draft.getRuleTargetPercent(), draft.isRuleWeighted());
        var after = new ReadinessRule(currentCore, targetPercent, weighted);
        // The claim bumped the row version with an update query; set the rule the same way, not through the entity.
        versions.setRule(versionId, currentCore, targetPercent, weighted);
        edits.record(draft, "Changed the readiness rule", before, after);
        return expectedVersion + 1;
    }

    private String forkLevel(Long versionId, String forksFrom, String trackKey) {
        if (forksFrom == null || forksFrom.isBlank()) {
            return null;
        }
        var level = DraftStructure.find(levels.findByVersion(versionId), Level::getKey, forksFrom.strip(), "Level");
        if (Objects.equals(trackKey, level.getTrackKey())) {
            throw new ValidationException("Track " + trackKey + " cannot fork from its own level " + level.getKey()
                    + "; choose a shared level or another track's level.");
        }
        return level.getKey();
    }

    /** An audit map that allows null values (Map.of does not). */
    private static Map<String, Object> map(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
