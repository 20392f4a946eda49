package app.rungs.people.service;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The levels of the published ladders people are placed on, in ladder order, loaded once per page request so grid
 * rows resolve level titles and tiers without a query each.
 */
public final class LevelCatalog implements Serializable {

    /** Marks the "no level" choice of the level filter. */
    public static final LevelInfo NO_LEVEL = new LevelInfo(null, "", "", "No level", null, null, -1, -1);

    /**
     * One level.
     *
     * @param rank the global order: ladders by name, then levels bottom to top
     * @param tierRank the global order of the level's tier
     */
    public record LevelInfo(
            Long ladderId,
            String ladderName,
            String key,
            String title,
            String tierKey,
            String tierName,
            int rank,
            int tierRank)
            implements Serializable {

        public String label() {
            return key == null || key.isEmpty() ? title : key + " · " + title;
        }
    }

    /** One track of a published ladder (a person's path), for the track filter and column. */
    public record TrackInfo(Long ladderId, String ladderName, String key, String name) implements Serializable {}

    private final List<LevelInfo> levels;
    private final List<TrackInfo> tracks;
    private final Map<String, LevelInfo> byKey;

    public LevelCatalog(List<LevelInfo> levels) {
        this(levels, List.of());
    }

    public LevelCatalog(List<LevelInfo> levels, List<TrackInfo> tracks) {
        this.levels = List.copyOf(levels);
        this.tracks = List.copyOf(tracks);
        this.byKey = this.levels.stream()
                .collect(Collectors.toMap(l -> l.ladderId() + "\u0000" + l.key(), Function.identity(), (a, b) -> a));
    }

    public static LevelCatalog empty() {
        return new LevelCatalog(List.of());
    }

    public List<LevelInfo> levels() {
        return levels;
    }

    /** The tracks of the published ladders in use, ladders by name. */
    public List<TrackInfo> tracks() {
        return tracks;
    }

    /** The name of a person's track, or "Shared line" when they are on none. */
    public String trackName(Long ladderId, String trackKey) {
        if (trackKey == null) {
            return ladderId == null ? "" : "Shared line";
        }
        return tracks.stream()
                .filter(t -> t.ladderId().equals(ladderId) && t.key().equals(trackKey))
                .map(TrackInfo::name)
                .findFirst()
                .orElse(trackKey + " (no longer on the ladder)");
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }

    public Optional<LevelInfo> find(Long ladderId, String key) {
        if (ladderId == null || key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(ladderId + "\u0000" + key));
    }

    /** Tier names in ladder order, without duplicates. */
    public List<String> tierNames() {
        return levels.stream().map(LevelInfo::tierName).collect(Collectors.toCollection(LinkedHashSet::new)).stream()
                .toList();
    }

    public boolean multipleLadders() {
        return levels.stream().map(LevelInfo::ladderId).distinct().count() > 1;
    }
}
