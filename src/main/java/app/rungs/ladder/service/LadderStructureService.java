package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.Competency;
import app.rungs.ladder.domain.CompetencyArea;
import app.rungs.ladder.domain.CompetencyAreaRepository;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.ExpectationRepository;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.Tier;
import app.rungs.ladder.domain.TierRepository;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits the structure of a draft: tiers and levels, areas and competencies. Every change names the draft's version
 * the caller saw and returns the draft's new version; a stale one is refused with {@link ConcurrentEditException}, so
 * two admins never silently overwrite each other. Keys are fixed once created (people, evidence and promotion cases
 * refer to them); names, titles and descriptions can change freely.
 */
@Service
public class LadderStructureService {

    private final LadderVersionRepository versions;
    private final TierRepository tiers;
    private final LevelRepository levels;
    private final CompetencyAreaRepository areas;
    private final CompetencyRepository competencies;
    private final ExpectationRepository expectations;
    private final AuditService audit;
    private final ObjectProvider<LevelOccupancy> occupancy;

    LadderStructureService(
            LadderVersionRepository versions,
            TierRepository tiers,
            LevelRepository levels,
            CompetencyAreaRepository areas,
            CompetencyRepository competencies,
            ExpectationRepository expectations,
            AuditService audit,
            ObjectProvider<LevelOccupancy> occupancy) {
        this.versions = versions;
        this.tiers = tiers;
        this.levels = levels;
        this.areas = areas;
        this.competencies = competencies;
        this.expectations = expectations;
        this.audit = audit;
        this.occupancy = occupancy;
    }

    // ---------------------------------------------------------------- tiers

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addTier(Long versionId, long expectedVersion, String key, String name, String description) {
        var draft = claim(versionId, expectedVersion);
        var all = tiers.findByVersion(versionId);
        var cleanName = requireName(name, "tier", "name");
        var tierKey = newKey(
                key,
                cleanName,
                LadderFileText::upperKey,
                LadderDocumentValidator.LEVEL_OR_TIER_KEY,
                "upper-case letters, digits and '-'",
                keys(all, Tier::getKey),
                "tier");
        int position = all.stream().mapToInt(Tier::getPosition).max().orElse(-1) + 1;
        tiers.save(new Tier(draft, tierKey, cleanName, text(description, "description"), position));
        record(draft, "Added tier " + cleanName + " (" + tierKey + ")", null, Map.of("tier", tierKey));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long updateTier(Long versionId, long expectedVersion, String tierKey, String name, String description) {
        var draft = claim(versionId, expectedVersion);
        var tier = find(tiers.findByVersion(versionId), Tier::getKey, tierKey, "Tier");
        var before = Map.of("name", tier.getName(), "description", String.valueOf(tier.getDescription()));
        tier.setName(requireName(name, "tier", "name"));
        tier.setDescription(text(description, "description"));
        record(
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
        var draft = claim(versionId, expectedVersion);
        var all = new ArrayList<>(tiers.findByVersion(versionId));
        var tier = find(all, Tier::getKey, tierKey, "Tier");
        swap(all, tier, delta, "Tier " + tier.getName(), Tier::getPosition, Tier::setPosition);
        renumberLevels(versionId, all);
        record(draft, "Moved tier " + tierKey + (delta < 0 ? " up" : " down"), null, null);
        return expectedVersion + 1;
    }

    /** Removes a tier and its levels; refused while people hold one of those levels. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeTier(Long versionId, long expectedVersion, String tierKey) {
        var draft = claim(versionId, expectedVersion);
        var tier = find(tiers.findByVersion(versionId), Tier::getKey, tierKey, "Tier");
        var tierLevels = levels.findByVersion(versionId).stream()
                .filter(l -> l.getTier().getId().equals(tier.getId()))
                .toList();
        refuseIfHeld(draft, tierLevels.stream().map(Level::getKey).toList(), "Tier " + tier.getName());
        deleteLevels(versionId, tierLevels);
        // Bulk deletes throughout: the loaded children of removed parts must not be flushed against them.
        tiers.deleteAllInBatch(List.of(tier));
        renumberLevels(versionId, tiers.findByVersion(versionId));
        record(
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
        var draft = claim(versionId, expectedVersion);
        var allTiers = tiers.findByVersion(versionId);
        var tier = find(allTiers, Tier::getKey, tierKey, "Tier");
        var all = levels.findByVersion(versionId);
        if (all.size() >= LadderDocumentValidator.MAX_LEVELS) {
            throw new ValidationException("A ladder has at most " + LadderDocumentValidator.MAX_LEVELS + " levels.");
        }
        var cleanTitle = requireName(title, "level", "title");
        var levelKey = newKey(
                key,
                cleanTitle,
                LadderFileText::upperKey,
                LadderDocumentValidator.LEVEL_OR_TIER_KEY,
                "upper-case letters, digits and '-'",
                keys(all, Level::getKey),
                "level");
        levels.save(new Level(draft, tier, levelKey, cleanTitle, Integer.MAX_VALUE / 2));
        levels.flush();
        renumberLevels(versionId, allTiers);
        record(
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
        var draft = claim(versionId, expectedVersion);
        var level = find(levels.findByVersion(versionId), Level::getKey, levelKey, "Level");
        var before = levelMap(level);
        level.setTitle(requireName(title, "level", "title"));
        level.setScope(text(scope, "scope"));
        level.setImpact(text(impact, "impact"));
        var experience = LadderService.blankToNull(typicalExperience);
        if (experience != null && experience.length() > 100) {
            throw new ValidationException("Typical experience is at most 100 characters long.");
        }
        level.setTypicalExperience(experience);
        record(draft, "Edited level " + levelKey, before, levelMap(level));
        return expectedVersion + 1;
    }

    /** Moves a level one place up (delta -1) or down (+1) within its tier. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long moveLevel(Long versionId, long expectedVersion, String levelKey, int delta) {
        var draft = claim(versionId, expectedVersion);
        var all = levels.findByVersion(versionId);
        var level = find(all, Level::getKey, levelKey, "Level");
        var sameTier = new ArrayList<>(all.stream()
                .filter(l -> l.getTier().getId().equals(level.getTier().getId()))
                .toList());
        swap(sameTier, level, delta, "Level " + levelKey, Level::getPosition, Level::setPosition);
        record(draft, "Moved level " + levelKey + (delta < 0 ? " down the ladder" : " up the ladder"), null, null);
        return expectedVersion + 1;
    }

    /** Removes a level and its expectations; refused while people hold the level. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeLevel(Long versionId, long expectedVersion, String levelKey) {
        var draft = claim(versionId, expectedVersion);
        var level = find(levels.findByVersion(versionId), Level::getKey, levelKey, "Level");
        refuseIfHeld(draft, List.of(levelKey), "Level " + levelKey);
        deleteLevels(versionId, List.of(level));
        renumberLevels(versionId, tiers.findByVersion(versionId));
        record(draft, "Removed level " + levelKey + " (" + level.getTitle() + ")", levelMap(level), null);
        return expectedVersion + 1;
    }

    // ---------------------------------------------------------------- areas

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addArea(Long versionId, long expectedVersion, String key, String name, String description) {
        var draft = claim(versionId, expectedVersion);
        var all = areas.findByVersion(versionId);
        var cleanName = requireName(name, "area", "name");
        var areaKey = newKey(
                key,
                cleanName,
                n -> LadderFileText.lowerKey(n, 60),
                LadderDocumentValidator.AREA_KEY,
                "lower-case letters, digits and '-'",
                keys(all, CompetencyArea::getKey),
                "area");
        int position = all.stream().mapToInt(CompetencyArea::getPosition).max().orElse(-1) + 1;
        areas.save(new CompetencyArea(draft, areaKey, cleanName, text(description, "description"), position));
        record(draft, "Added area " + cleanName + " (" + areaKey + ")", null, Map.of("area", areaKey));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long updateArea(Long versionId, long expectedVersion, String areaKey, String name, String description) {
        var draft = claim(versionId, expectedVersion);
        var area = find(areas.findByVersion(versionId), CompetencyArea::getKey, areaKey, "Area");
        var before = Map.of("name", area.getName(), "description", String.valueOf(area.getDescription()));
        area.setName(requireName(name, "area", "name"));
        area.setDescription(text(description, "description"));
        record(
                draft,
                "Edited area " + areaKey,
                before,
                Map.of("name", area.getName(), "description", String.valueOf(area.getDescription())));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long moveArea(Long versionId, long expectedVersion, String areaKey, int delta) {
        var draft = claim(versionId, expectedVersion);
        var all = new ArrayList<>(areas.findByVersion(versionId));
        var area = find(all, CompetencyArea::getKey, areaKey, "Area");
        swap(all, area, delta, "Area " + area.getName(), CompetencyArea::getPosition, CompetencyArea::setPosition);
        record(draft, "Moved area " + areaKey + (delta < 0 ? " up" : " down"), null, null);
        return expectedVersion + 1;
    }

    /** Removes an area with its competencies and their expectations. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeArea(Long versionId, long expectedVersion, String areaKey) {
        var draft = claim(versionId, expectedVersion);
        var area = find(areas.findByVersion(versionId), CompetencyArea::getKey, areaKey, "Area");
        var areaCompetencies = competencies.findByVersion(versionId).stream()
                .filter(c -> c.getArea().getId().equals(area.getId()))
                .toList();
        deleteCompetencies(versionId, areaCompetencies);
        areas.deleteAllInBatch(List.of(area));
        record(
                draft,
                "Removed area " + area.getName() + " (" + areaKey + ") with " + areaCompetencies.size()
                        + " competencies",
                Map.of(
                        "area",
                        areaKey,
                        "competencies",
                        areaCompetencies.stream().map(Competency::getKey).toList()),
                null);
        return expectedVersion + 1;
    }

    // ---------------------------------------------------------------- competencies

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addCompetency(
            Long versionId,
            long expectedVersion,
            String areaKey,
            String key,
            String name,
            String description,
            Collection<SpecializationTrack> specializations) {
        var draft = claim(versionId, expectedVersion);
        var area = find(areas.findByVersion(versionId), CompetencyArea::getKey, areaKey, "Area");
        var all = competencies.findByVersion(versionId);
        if (all.size() >= LadderDocumentValidator.MAX_COMPETENCIES) {
            throw new ValidationException(
                    "A ladder has at most " + LadderDocumentValidator.MAX_COMPETENCIES + " competencies.");
        }
        var cleanName = requireName(name, "competency", "name");
        var competencyKey = newKey(
                key,
                cleanName,
                n -> LadderFileText.lowerKey(n, 80),
                LadderDocumentValidator.COMPETENCY_KEY,
                "lower-case letters, digits and '-'",
                keys(all, Competency::getKey),
                "competency");
        int position = all.stream()
                        .filter(c -> c.getArea().getId().equals(area.getId()))
                        .mapToInt(Competency::getPosition)
                        .max()
                        .orElse(-1)
                + 1;
        var competency = new Competency(draft, area, competencyKey, cleanName, position);
        competency.setDescription(text(description, "description"));
        competency.setSpecializations(ordered(specializations));
        competencies.save(competency);
        record(
                draft,
                "Added competency " + cleanName + " (" + competencyKey + ") to area " + area.getName(),
                null,
                Map.of("competency", competencyKey, "area", areaKey));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long updateCompetency(
            Long versionId,
            long expectedVersion,
            String competencyKey,
            String name,
            String description,
            Collection<SpecializationTrack> specializations) {
        var draft = claim(versionId, expectedVersion);
        var competency = find(competencies.findByVersion(versionId), Competency::getKey, competencyKey, "Competency");
        var before = competencyMap(competency);
        competency.setName(requireName(name, "competency", "name"));
        competency.setDescription(text(description, "description"));
        competency.setSpecializations(ordered(specializations));
        record(draft, "Edited competency " + competencyKey, before, competencyMap(competency));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long moveCompetency(Long versionId, long expectedVersion, String competencyKey, int delta) {
        var draft = claim(versionId, expectedVersion);
        var all = competencies.findByVersion(versionId);
        var competency = find(all, Competency::getKey, competencyKey, "Competency");
        var sameArea = new ArrayList<>(all.stream()
                .filter(c -> c.getArea().getId().equals(competency.getArea().getId()))
                .toList());
        swap(
                sameArea,
                competency,
                delta,
                "Competency " + competency.getName(),
                Competency::getPosition,
                Competency::setPosition);
        record(draft, "Moved competency " + competencyKey + (delta < 0 ? " up" : " down"), null, null);
        return expectedVersion + 1;
    }

    /** Removes a competency and its expectations from the draft. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeCompetency(Long versionId, long expectedVersion, String competencyKey) {
        var draft = claim(versionId, expectedVersion);
        var competency = find(competencies.findByVersion(versionId), Competency::getKey, competencyKey, "Competency");
        var before = competencyMap(competency);
        deleteCompetencies(versionId, List.of(competency));
        record(draft, "Removed competency " + competency.getName() + " (" + competencyKey + ")", before, null);
        return expectedVersion + 1;
    }

    // ---------------------------------------------------------------- helpers

    /** Claims the draft for one change: refuses published versions and stale expected versions. */
    private LadderVersion claim(Long versionId, long expectedVersion) {
        var version =
                versions.findWithLadder(versionId).orElseThrow(() -> new NotFoundException("Ladder version not found"));
        if (!version.isDraft()) {
            throw new ValidationException("Version " + version.getNumber() + " of "
                    + version.getLadder().getName() + " is "
                    + version.getStatus().name().toLowerCase()
                    + " and cannot be changed; start a new draft instead.");
        }
        if (version.getVersion() != expectedVersion || versions.bumpVersion(versionId, expectedVersion) == 0) {
            throw new ConcurrentEditException(
                    "The draft of " + version.getLadder().getName());
        }
        return version;
    }

    private void refuseIfHeld(LadderVersion draft, List<String> levelKeys, String what) {
        var ladderId = draft.getLadder().getId();
        var held = new LinkedHashMap<String, Long>();
        occupancy.forEach(o -> o.holdersByLevel(ladderId).forEach((key, count) -> {
            if (count > 0 && levelKeys.contains(key)) {
                held.merge(key, count, Long::sum);
            }
        }));
        if (held.isEmpty()) {
            return;
        }
        var who = held.entrySet().stream()
                .map(e -> e.getKey() + " is held by " + e.getValue() + (e.getValue() == 1 ? " person" : " people"))
                .collect(Collectors.joining(", "));
        throw new ValidationException(
                what + " cannot be removed: " + who + ". Move those people to another level first, then remove it.");
    }

    private void deleteLevels(Long versionId, List<Level> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        var ids = doomed.stream().map(Level::getId).collect(Collectors.toSet());
        expectations.deleteAllInBatch(expectations.findByVersion(versionId).stream()
                .filter(e -> ids.contains(e.getLevel().getId()))
                .toList());
        levels.deleteAllInBatch(doomed);
    }

    private void deleteCompetencies(Long versionId, List<Competency> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        var ids = doomed.stream().map(Competency::getId).collect(Collectors.toSet());
        expectations.deleteAllInBatch(expectations.findByVersion(versionId).stream()
                .filter(e -> ids.contains(e.getCompetency().getId()))
                .toList());
        competencies.deleteAllInBatch(doomed);
    }

    /** Levels are ordered across the ladder: by tier, then within the tier. Renumbers them 0..n in that order. */
    private void renumberLevels(Long versionId, List<Tier> tierOrder) {
        var tierPosition = tierOrder.stream().collect(Collectors.toMap(Tier::getId, Tier::getPosition, (a, b) -> a));
        var ordered = levels.findByVersion(versionId).stream()
                .sorted(Comparator.comparingInt((Level l) ->
                                tierPosition.getOrDefault(l.getTier().getId(), 0))
                        .thenComparingInt(Level::getPosition))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setPosition(i);
        }
        levels.flush();
    }

    private static <T> void swap(
            List<T> ordered,
            T item,
            int delta,
            String what,
            Function<T, Integer> position,
            java.util.function.BiConsumer<T, Integer> setPosition) {
        if (delta != -1 && delta != 1) {
            throw new IllegalArgumentException("Move by one place at a time");
        }
        int i = ordered.indexOf(item);
        int j = i + delta;
        if (j < 0 || j >= ordered.size()) {
            throw new ValidationException(what + " is already " + (delta < 0 ? "first" : "last") + ".");
        }
        var other = ordered.get(j);
        int a = position.apply(item);
        int b = position.apply(other);
        if (a == b) {
            b = a + delta;
        }
        setPosition.accept(item, b);
        setPosition.accept(other, a);
        ordered.set(i, other);
        ordered.set(j, item);
    }

    private static <T> T find(List<T> items, Function<T, String> key, String wanted, String what) {
        return items.stream()
                .filter(i -> key.apply(i).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(what + " " + wanted
                        + " is not part of this draft any more; someone may have removed it. Reload the page."));
    }

    private static <T> Set<String> keys(List<T> items, Function<T, String> key) {
        return items.stream().map(key).collect(Collectors.toSet());
    }

    private static String newKey(
            String given,
            String name,
            Function<String, String> derive,
            Pattern pattern,
            String rule,
            Set<String> taken,
            String what) {
        var wanted = LadderService.blankToNull(given);
        if (wanted != null) {
            if (!pattern.matcher(wanted).matches()) {
                throw new ValidationException("'" + wanted + "' is not a valid " + what + " key; use " + rule + ".");
            }
            if (taken.contains(wanted)) {
                throw new ValidationException("This ladder already has a " + what + " with the key " + wanted + ".");
            }
            return wanted;
        }
        var base = derive.apply(name);
        if (base.isEmpty() || !pattern.matcher(base).matches()) {
            throw new ValidationException("Give the " + what + " a key (" + rule + ").");
        }
        var candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            var suffix = "-" + n;
            candidate = base.substring(0, Math.min(base.length(), 38)) + suffix;
        }
        return candidate;
    }

    private static String requireName(String value, String what, String field) {
        var clean = LadderService.blankToNull(value);
        if (clean == null) {
            throw new ValidationException("Give the " + what + " a " + field + ".");
        }
        if (clean.length() > LadderDocumentValidator.MAX_NAME) {
            throw new ValidationException("A " + what + " " + field + " is at most " + LadderDocumentValidator.MAX_NAME
                    + " characters long.");
        }
        return clean;
    }

    private static String text(String value, String field) {
        var clean = LadderService.blankToNull(value);
        if (clean != null && clean.length() > LadderDocumentValidator.MAX_TEXT) {
            throw new ValidationException(
                    "The " + field + " is at most " + LadderDocumentValidator.MAX_TEXT + " characters long.");
        }
        return clean;
    }

    private static List<SpecializationTrack> ordered(Collection<SpecializationTrack> tracks) {
        if (tracks == null) {
            return List.of();
        }
        return java.util.Arrays.stream(SpecializationTrack.values())
                .filter(tracks::contains)
                .toList();
    }

    private static Map<String, Object> levelMap(Level level) {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", level.getKey());
        map.put("title", level.getTitle());
        map.put("scope", level.getScope());
        map.put("impact", level.getImpact());
        map.put("typicalExperience", level.getTypicalExperience());
        return map;
    }

    private static Map<String, Object> competencyMap(Competency c) {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", c.getKey());
        map.put("name", c.getName());
        map.put("description", c.getDescription());
        map.put(
                "specializations",
                c.getSpecializations().stream().map(Enum::name).toList());
        return map;
    }

    private void record(LadderVersion draft, String summary, Object before, Object after) {
        audit.record(
                "LADDER_DRAFT_EDITED",
                "LadderVersion",
                draft.getId(),
                summary + " in draft " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                before,
                after);
    }
}
