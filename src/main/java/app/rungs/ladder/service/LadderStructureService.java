package app.rungs.ladder.service;

import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.Tier;
import app.rungs.ladder.domain.TierRepository;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits the tiers and levels of a draft ({@link LadderCompetencyService} edits areas and competencies). Every change names the draft's version
 * the caller saw and returns the draft's new version; a stale one is refused with {@link ConcurrentEditException}, so
 * two admins never silently overwrite each other. Keys are fixed once created (people, evidence and promotion cases
 * refer to them); names, titles and descriptions can change freely.
 */
@Service
public class LadderStructureService {

    private final TierRepository tiers;
    private final LevelRepository levels;
    private final DraftStructure edits;

    LadderStructureService(TierRepository tiers, LevelRepository levels, DraftStructure edits) {
        this.tiers = tiers;
        this.levels = levels;
        this.edits = edits;
    }

    // ---------------------------------------------------------------- tiers

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addTier(Long versionId, long expectedVersion, String key, String name, String description) {
        var draft = edits.claim(versionId, expectedVersion);
        var all = tiers.findByVersion(versionId);
        var cleanName = DraftStructure.requireName(name, "tier", "name");
        var tierKey = DraftStructure.newKey(
                key,
                cleanName,
                LadderFileText::upperKey,
                LadderDocumentValidator.LEVEL_OR_TIER_KEY,
                "upper-case letters, digits and '-'",
                DraftStructure.keys(all, Tier::getKey),
                "tier");
        int position = all.stream().mapToInt(Tier::getPosition).max().orElse(-1) + 1;
        tiers.save(new Tier(draft, tierKey, cleanName, DraftStructure.text(description, "description"), position));
        edits.record(draft, "Added tier " + cleanName + " (" + tierKey + ")", null, Map.of("tier", tierKey));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long updateTier(Long versionId, long expectedVersion, String tierKey, String name, String description) {
        var draft = edits.claim(versionId, expectedVersion);
        var tier = DraftStructure.find(tiers.findByVersion(versionId), Tier::getKey, tierKey, "Tier");
        var before = Map.of("name", tier.getName(), "description", String.valueOf(tier.getDescription()));
        tier.setName(DraftStructure.requireName(name, "tier", "name"));
        tier.setDescription(DraftStructure.text(description, "description"));
        edits.record(
                draft,
                "Edited tier " + tierKey,
                before,
                Map.of("name", tier.getName(), "description", String.valueOf(tier.getDescription())));
        return expectedVersion + 1;
    }

    /** Moves a tier, with all its levels, one place up (delta -1) or down (+1). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long moveTier(Long versionId, long expectedVersion, String tierKey, int delta) {
        var draft = edits.claim(versionId, expectedVersion);
        var all = new ArrayList<>(tiers.findByVersion(versionId));
        var tier = DraftStructure.find(all, Tier::getKey, tierKey, "Tier");
        DraftStructure.swap(all, tier, delta, "Tier " + tier.getName(), Tier::getPosition, Tier::setPosition);
        edits.renumberLevels(versionId, all);
        edits.record(draft, "Moved tier " + tierKey + (delta < 0 ? " up" : " down"), null, null);
        return expectedVersion + 1;
    }

    /** Removes a tier and its levels; refused while people hold one of those levels. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeTier(Long versionId, long expectedVersion, String tierKey) {
        var draft = edits.claim(versionId, expectedVersion);
        var tier = DraftStructure.find(tiers.findByVersion(versionId), Tier::getKey, tierKey, "Tier");
        var tierLevels = levels.findByVersion(versionId).stream()
                .filter(l -> l.getTier().getId().equals(tier.getId()))
                .toList();
        edits.refuseIfHeld(draft, tierLevels.stream().map(Level::getKey).toList(), "Tier " + tier.getName());
        edits.deleteLevels(versionId, tierLevels);
        // Bulk deletes throughout: the loaded children of removed parts must not be flushed against them.
        tiers.deleteAllInBatch(List.of(tier));
        edits.renumberLevels(versionId, tiers.findByVersion(versionId));
        edits.record(
                draft,
                "Removed tier " + tier.getName() + " (" + tierKey + ")"
                        + (tierLevels.isEmpty()
                                ? ""
                                : " with levels "
                                        + tierLevels.stream().map(Level::getKey).collect(Collectors.joining(", "))),
                Map.of("tier", tierKey),
                null);
        return expectedVersion + 1;
    }

    // ---------------------------------------------------------------- levels

    /** Adds a level at the top of a tier. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addLevel(Long versionId, long expectedVersion, String tierKey, String key, String title) {
        var draft = edits.claim(versionId, expectedVersion);
        var allTiers = tiers.findByVersion(versionId);
        var tier = DraftStructure.find(allTiers, Tier::getKey, tierKey, "Tier");
        var all = levels.findByVersion(versionId);
        if (all.size() >= LadderDocumentValidator.MAX_LEVELS) {
            throw new ValidationException("A ladder has at most " + LadderDocumentValidator.MAX_LEVELS + " levels.");
        }
        var cleanTitle = DraftStructure.requireName(title, "level", "title");
        var levelKey = DraftStructure.newKey(
                key,
                cleanTitle,
                LadderFileText::upperKey,
                LadderDocumentValidator.LEVEL_OR_TIER_KEY,
                "upper-case letters, digits and '-'",
                DraftStructure.keys(all, Level::getKey),
                "level");
        levels.save(new Level(draft, tier, levelKey, cleanTitle, Integer.MAX_VALUE / 2));
        levels.flush();
        edits.renumberLevels(versionId, allTiers);
        edits.record(
                draft,
                "Added level " + levelKey + " (" + cleanTitle + ") to tier " + tier.getName(),
                null,
                Map.of("level", levelKey, "tier", tierKey));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long updateLevel(
            Long versionId,
            long expectedVersion,
            String levelKey,
            String title,
            String scope,
            String impact,
            String typicalExperience) {
        var draft = edits.claim(versionId, expectedVersion);
        var level = DraftStructure.find(levels.findByVersion(versionId), Level::getKey, levelKey, "Level");
        var before = DraftStructure.levelMap(level);
        level.setTitle(DraftStructure.requireName(title, "level", "title"));
        level.setScope(DraftStructure.text(scope, "scope"));
        level.setImpact(DraftStructure.text(impact, "impact"));
        var experience = LadderDrafts.blankToNull(typicalExperience);
        if (experience != null && experience.length() > 100) {
            throw new ValidationException("Typical experience is at most 100 characters long.");
        }
        level.setTypicalExperience(experience);
        edits.record(draft, "Edited level " + levelKey, before, DraftStructure.levelMap(level));
        return expectedVersion + 1;
    }

    /** Moves a level one place up (delta -1) or down (+1) within its tier. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long moveLevel(Long versionId, long expectedVersion, String levelKey, int delta) {
        var draft = edits.claim(versionId, expectedVersion);
        var all = levels.findByVersion(versionId);
        var level = DraftStructure.find(all, Level::getKey, levelKey, "Level");
        var sameTier = new ArrayList<>(all.stream()
                .filter(l -> l.getTier().getId().equals(level.getTier().getId()))
                .toList());
        DraftStructure.swap(sameTier, level, delta, "Level " + levelKey, Level::getPosition, Level::setPosition);
        edits.record(
                draft, "Moved level " + levelKey + (delta < 0 ? " down the ladder" : " up the ladder"), null, null);
        return expectedVersion + 1;
    }

    /** Removes a level and its expectations; refused while people hold the level. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeLevel(Long versionId, long expectedVersion, String levelKey) {
        var draft = edits.claim(versionId, expectedVersion);
        var level = DraftStructure.find(levels.findByVersion(versionId), Level::getKey, levelKey, "Level");
        edits.refuseIfHeld(draft, List.of(levelKey), "Level " + levelKey);
        edits.deleteLevels(versionId, List.of(level));
        edits.renumberLevels(versionId, tiers.findByVersion(versionId));
        edits.record(
                draft,
                "Removed level " + levelKey + " (" + level.getTitle() + ")",
                DraftStructure.levelMap(level),
                null);
        return expectedVersion + 1;
    }
}
