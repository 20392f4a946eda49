package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.Competency;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.ExpectationRepository;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.Tier;
import app.rungs.ladder.domain.VersionAction;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The mechanics shared by the structure services: claiming a draft for one change (refusing other versions and stale
 * expected versions), removing parts with their expectations, moving parts, checking keys and names, and auditing.
 */
@Component
class DraftStructure {

    private final LadderVersionRepository versions;
    private final LevelRepository levels;
    private final CompetencyRepository competencies;
    private final ExpectationRepository expectations;
    private final AuditService audit;
    private final ObjectProvider<LevelOccupancy> occupancy;

    DraftStructure(
            LadderVersionRepository versions,
            LevelRepository levels,
            CompetencyRepository competencies,
            ExpectationRepository expectations,
            AuditService audit,
            ObjectProvider<LevelOccupancy> occupancy) {
        this.versions = versions;
        this.levels = levels;
        this.competencies = competencies;
        this.expectations = expectations;
        this.audit = audit;
        this.occupancy = occupancy;
    }

    /** Claims the draft for one change: refuses published versions and stale expected versions. */
    LadderVersion claim(Long versionId, long expectedVersion) {
        var version =
                versions.findWithLadder(versionId).orElseThrow(() -> new NotFoundException("Ladder version not found"));
        if (!version.allows(VersionAction.EDIT)) {
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

    void refuseIfHeld(LadderVersion draft, List<String> levelKeys, String what) {
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

    void deleteLevels(Long versionId, List<Level> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        var ids = doomed.stream().map(Level::getId).collect(Collectors.toSet());
        expectations.deleteAllInBatch(expectations.findByVersion(versionId).stream()
                .filter(e -> ids.contains(e.getLevel().getId()))
                .toList());
        levels.deleteAllInBatch(doomed);
    }

    void deleteCompetencies(Long versionId, List<Competency> doomed) {
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
    void renumberLevels(Long versionId, List<Tier> tierOrder) {
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

    static <T> void swap(
            List<T> ordered,
            T item,
            int delta,
            String what,
            Function<T, Integer> position,
            BiConsumer<T, Integer> setPosition) {
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

    static <T> T find(List<T> items, Function<T, String> key, String wanted, String what) {
        return items.stream()
                .filter(i -> key.apply(i).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(what + " " + wanted
                        + " is not part of this draft any more; someone may have removed it. Reload the page."));
    }

    static <T> Set<String> keys(List<T> items, Function<T, String> key) {
        return items.stream().map(key).collect(Collectors.toSet());
    }

    static String newKey(
            String given,
            String name,
            Function<String, String> derive,
            Pattern pattern,
            String rule,
            Set<String> taken,
            String what) {
        var wanted = LadderDrafts.blankToNull(given);
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

    static String requireName(String value, String what, String field) {
        var clean = LadderDrafts.blankToNull(value);
        if (clean == null) {
            throw new ValidationException("Give the " + what + " a " + field + ".");
        }
        if (clean.length() > LadderDocumentValidator.MAX_NAME) {
            throw new ValidationException("A " + what + " " + field + " is at most " + LadderDocumentValidator.MAX_NAME
                    + " characters long.");
        }
        return clean;
    }

    static String text(String value, String field) {
        var clean = LadderDrafts.blankToNull(value);
        if (clean != null && clean.length() > LadderDocumentValidator.MAX_TEXT) {
            throw new ValidationException(
                    "The " + field + " is at most " + LadderDocumentValidator.MAX_TEXT + " characters long.");
        }
        return clean;
    }

    static List<SpecializationTrack> ordered(Collection<SpecializationTrack> tracks) {
        if (tracks == null) {
            return List.of();
        }
        return Arrays.stream(SpecializationTrack.values())
                .filter(tracks::contains)
                .toList();
    }

    static Map<String, Object> levelMap(Level level) {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", level.getKey());
        map.put("title", level.getTitle());
        map.put("scope", level.getScope());
        map.put("impact", level.getImpact());
        map.put("typicalExperience", level.getTypicalExperience());
        return map;
    }

    static Map<String, Object> competencyMap(Competency c) {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", c.getKey());
        map.put("name", c.getName());
        map.put("description", c.getDescription());
        map.put(
                "specializations",
                c.getSpecializations().stream().map(Enum::name).toList());
        return map;
    }

    void record(LadderVersion draft, String summary, Object before, Object after) {
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
