package app.rungs.ladder.service;

import app.rungs.ladder.domain.Competency;
import app.rungs.ladder.domain.CompetencyArea;
import app.rungs.ladder.domain.CompetencyAreaRepository;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits the areas and competencies of a draft, with the same rules as {@link LadderStructureService}: every change
 * names the draft version the caller saw, and keys are fixed once created (evidence refers to competency keys).
 */
@Service
public class LadderCompetencyService {

    private final CompetencyAreaRepository areas;
    private final CompetencyRepository competencies;
    private final DraftStructure edits;

    LadderCompetencyService(CompetencyAreaRepository areas, CompetencyRepository competencies, DraftStructure edits) {
        this.areas = areas;
        this.competencies = competencies;
        this.edits = edits;
    }

    // ---------------------------------------------------------------- areas

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addArea(Long versionId, long expectedVersion, String key, String name, String description) {
        var draft = edits.claim(versionId, expectedVersion);
        var all = areas.findByVersion(versionId);
        var cleanName = DraftStructure.requireName(name, "area", "name");
        var areaKey = DraftStructure.newKey(
                key,
                cleanName,
                n -> LadderFileText.lowerKey(n, 60),
                LadderDocumentValidator.AREA_KEY,
                "lower-case letters, digits and '-'",
                DraftStructure.keys(all, CompetencyArea::getKey),
                "area");
        int position = all.stream().mapToInt(CompetencyArea::getPosition).max().orElse(-1) + 1;
        areas.save(new CompetencyArea(
                draft, areaKey, cleanName, DraftStructure.text(description, "description"), position));
        edits.record(draft, "Added area " + cleanName + " (" + areaKey + ")", null, Map.of("area", areaKey));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long updateArea(Long versionId, long expectedVersion, String areaKey, String name, String description) {
        var draft = edits.claim(versionId, expectedVersion);
        var area = DraftStructure.find(areas.findByVersion(versionId), CompetencyArea::getKey, areaKey, "Area");
        var before = Map.of("name", area.getName(), "description", String.valueOf(area.getDescription()));
        area.setName(DraftStructure.requireName(name, "area", "name"));
        area.setDescription(DraftStructure.text(description, "description"));
        edits.record(
                draft,
                "Edited area " + areaKey,
                before,
                Map.of("name", area.getName(), "description", String.valueOf(area.getDescription())));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long moveArea(Long versionId, long expectedVersion, String areaKey, int delta) {
        var draft = edits.claim(versionId, expectedVersion);
        var all = new ArrayList<>(areas.findByVersion(versionId));
        var area = DraftStructure.find(all, CompetencyArea::getKey, areaKey, "Area");
        DraftStructure.swap(
                all, area, delta, "Area " + area.getName(), CompetencyArea::getPosition, CompetencyArea::setPosition);
        edits.record(draft, "Moved area " + areaKey + (delta < 0 ? " up" : " down"), null, null);
        return expectedVersion + 1;
    }

    /** Removes an area with its competencies and their expectations. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeArea(Long versionId, long expectedVersion, String areaKey) {
        var draft = edits.claim(versionId, expectedVersion);
        var area = DraftStructure.find(areas.findByVersion(versionId), CompetencyArea::getKey, areaKey, "Area");
        var areaCompetencies = competencies.findByVersion(versionId).stream()
                .filter(c -> c.getArea().getId().equals(area.getId()))
                .toList();
        edits.deleteCompetencies(versionId, areaCompetencies);
        areas.deleteAllInBatch(List.of(area));
        edits.record(
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
        var draft = edits.claim(versionId, expectedVersion);
        var area = DraftStructure.find(areas.findByVersion(versionId), CompetencyArea::getKey, areaKey, "Area");
        var all = competencies.findByVersion(versionId);
        if (all.size() >= LadderDocumentValidator.MAX_COMPETENCIES) {
            throw new ValidationException(
                    "A ladder has at most " + LadderDocumentValidator.MAX_COMPETENCIES + " competencies.");
        }
        var cleanName = DraftStructure.requireName(name, "competency", "name");
        var competencyKey = DraftStructure.newKey(
                key,
                cleanName,
                n -> LadderFileText.lowerKey(n, 80),
                LadderDocumentValidator.COMPETENCY_KEY,
                "lower-case letters, digits and '-'",
                DraftStructure.keys(all, Competency::getKey),
                "competency");
        int position = all.stream()
                        .filter(c -> c.getArea().getId().equals(area.getId()))
                        .mapToInt(Competency::getPosition)
                        .max()
                        .orElse(-1)
                + 1;
        var competency = new Competency(draft, area, competencyKey, cleanName, position);
        competency.setDescription(DraftStructure.text(description, "description"));
        competency.setSpecializations(DraftStructure.ordered(specializations));
        competencies.save(competency);
        edits.record(
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
        var draft = edits.claim(versionId, expectedVersion);
        var competency = DraftStructure.find(
                competencies.findByVersion(versionId), Competency::getKey, competencyKey, "Competency");
        var before = DraftStructure.competencyMap(competency);
        competency.setName(DraftStructure.requireName(name, "competency", "name"));
        competency.setDescription(DraftStructure.text(description, "description"));
        competency.setSpecializations(DraftStructure.ordered(specializations));
        edits.record(draft, "Edited competency " + competencyKey, before, DraftStructure.competencyMap(competency));
        return expectedVersion + 1;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long moveCompetency(Long versionId, long expectedVersion, String competencyKey, int delta) {
        var draft = edits.claim(versionId, expectedVersion);
        var all = competencies.findByVersion(versionId);
        var competency = DraftStructure.find(all, Competency::getKey, competencyKey, "Competency");
        var sameArea = new ArrayList<>(all.stream()
                .filter(c -> c.getArea().getId().equals(competency.getArea().getId()))
                .toList());
        DraftStructure.swap(
                sameArea,
                competency,
                delta,
                "Competency " + competency.getName(),
                Competency::getPosition,
                Competency::setPosition);
        edits.record(draft, "Moved competency " + competencyKey + (delta < 0 ? " up" : " down"), null, null);
        return expectedVersion + 1;
    }

    /** Removes a competency and its expectations from the draft. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long removeCompetency(Long versionId, long expectedVersion, String competencyKey) {
        var draft = edits.claim(versionId, expectedVersion);
        var competency = DraftStructure.find(
                competencies.findByVersion(versionId), Competency::getKey, competencyKey, "Competency");
        var before = DraftStructure.competencyMap(competency);
        edits.deleteCompetencies(versionId, List.of(competency));
        edits.record(draft, "Removed competency " + competency.getName() + " (" + competencyKey + ")", before, null);
        return expectedVersion + 1;
    }
}
