package app.rungs.people.service;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.domain.LevelAssignmentRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link LevelCatalog}: one query for the ladders in use plus one load of each published ladder. The
 * people services resolve level titles, tiers and ladder order with it; views ask for it only to offer level choices.
 */
@Component
class LevelCatalogs {

    private final LevelAssignmentRepository assignments;
    private final LadderService ladders;

    LevelCatalogs(LevelAssignmentRepository assignments, LadderService ladders) {
        this.assignments = assignments;
        this.ladders = ladders;
    }

    LevelCatalog load() {
        var contents = assignments.findLaddersInUse().stream()
                .map(ladders::published)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(c -> c.version().ladderName().toLowerCase()))
                .toList();
        var levels = new ArrayList<LevelCatalog.LevelInfo>();
        var tracks = new ArrayList<LevelCatalog.TrackInfo>();
        int ladderIndex = 0;
        for (var content : contents) {
            var tierPositions = new HashMap<String, Integer>();
            for (int i = 0; i < content.tiers().size(); i++) {
                tierPositions.put(content.tiers().get(i).key(), i);
            }
            for (int i = 0; i < content.levels().size(); i++) {
                var level = content.levels().get(i);
                var tier = content.tier(level.tierKey());
                levels.add(new LevelCatalog.LevelInfo(
                        content.version().ladderId(),
                        content.version().ladderName(),
                        level.key(),
                        level.title(),
                        level.tierKey(),
                        tier.map(LadderContent.TierView::name).orElse(level.tierKey()),
                        ladderIndex * 1000 + i,
                        ladderIndex * 1000 + tierPositions.getOrDefault(level.tierKey(), 0)));
            }
            for (var track : content.tracks()) {
                tracks.add(new LevelCatalog.TrackInfo(
                        content.version().ladderId(), content.version().ladderName(), track.key(), track.name()));
            }
            ladderIndex++;
        }
        return new LevelCatalog(levels, tracks);
    }
}
