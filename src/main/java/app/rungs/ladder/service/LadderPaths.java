package app.rungs.ladder.service;

import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TrackView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The branch arithmetic of a ladder: which levels a track climbs through and what lies above a level. Levels keep
 * their global position order; a path is the subsequence a person on one track climbs.
 */
final class LadderPaths {

    private LadderPaths() {}

    static List<LevelView> shared(LadderContent content) {
        return content.levels().stream().filter(l -> l.trackKey() == null).toList();
    }

    static List<LevelView> path(LadderContent content, String trackKey) {
        var track = content.track(trackKey);
        return track.isEmpty() ? shared(content) : pathOf(content, track.get(), new HashSet<>());
    }

    /** The line a level sits on: its track's path, or the shared line; a level of an unknown track stands alone. */
    static List<LevelView> lineOf(LadderContent content, LevelView level) {
        if (level.trackKey() == null) {
            return shared(content);
        }
        var line = path(content, level.trackKey());
        return line.contains(level) ? line : List.of(level);
    }

    static Optional<LevelView> next(LadderContent content, String levelKey, String trackKey) {
        var level = content.level(levelKey);
        if (level.isEmpty()) {
            return Optional.empty();
        }
        var line = lineOf(content, level.get());
        if (level.get().trackKey() == null && trackKey != null) {
            var trackPath = path(content, trackKey);
            if (trackPath.contains(level.get())) {
                line = trackPath;
            }
        }
        return after(line, level.get());
    }

    static List<LevelView> nextOptions(LadderContent content, String levelKey) {
        var level = content.level(levelKey);
        if (level.isEmpty()) {
            return List.of();
        }
        var options = new LinkedHashSet<LevelView>();
        after(lineOf(content, level.get()), level.get()).ifPresent(options::add);
        for (var track : content.tracks()) {
            if (levelKey.equals(track.forksFromLevelKey())) {
                content.levels().stream()
                        .filter(l -> track.key().equals(l.trackKey()))
                        .findFirst()
                        .ifPresent(options::add);
            }
        }
        return List.copyOf(options);
    }

    private static Optional<LevelView> after(List<LevelView> line, LevelView level) {
        int i = line.indexOf(level);
        return i >= 0 && i + 1 < line.size() ? Optional.of(line.get(i + 1)) : Optional.empty();
    }

    /** The path of a track; {@code seen} stops a cycle of tracks forking from each other (a publish check names it). */
    private static List<LevelView> pathOf(LadderContent content, TrackView track, Set<String> seen) {
        var own = content.levels().stream()
                .filter(l -> track.key().equals(l.trackKey()))
                .toList();
        if (!seen.add(track.key()) || track.forksFromLevelKey() == null) {
            return own;
        }
        var fork = content.level(track.forksFromLevelKey());
        if (fork.isEmpty() || track.key().equals(fork.get().trackKey())) {
            return own;
        }
        var below = fork.get().trackKey() == null
                ? shared(content)
                : content.track(fork.get().trackKey())
                        .map(t -> pathOf(content, t, seen))
                        .orElse(List.of());
        int at = below.indexOf(fork.get());
        if (at < 0) {
            return own;
        }
        var result = new ArrayList<LevelView>(below.subList(0, at + 1));
        result.addAll(own);
        return List.copyOf(result);
    }
}
