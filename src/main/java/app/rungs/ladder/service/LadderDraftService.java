package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.Competency;
import app.rungs.ladder.domain.CompetencyAreaRepository;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.Expectation;
import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.ExpectationRepository;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.TierRepository;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editing the matrix of a draft: one expectation at a time, or the whole draft replaced in one step. */
@Service
public class LadderDraftService {

    private final LadderVersionRepository versions;
    private final LevelRepository levels;
    private final CompetencyAreaRepository areas;
    private final TierRepository tiers;
    private final CompetencyRepository competencies;
    private final ExpectationRepository expectations;
    private final AuditService audit;
    private final LadderContentLoader loader;
    private final LadderDrafts drafts;

    LadderDraftService(
            LadderVersionRepository versions,
            LevelRepository levels,
            CompetencyAreaRepository areas,
            TierRepository tiers,
            CompetencyRepository competencies,
            ExpectationRepository expectations,
            AuditService audit,
            LadderContentLoader loader,
            LadderDrafts drafts) {
        this.versions = versions;
        this.levels = levels;
        this.areas = areas;
        this.tiers = tiers;
        this.competencies = competencies;
        this.expectations = expectations;
        this.audit = audit;
        this.loader = loader;
        this.drafts = drafts;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setExpectation(
            Long versionId,
            String competencyKey,
            String levelKey,
            ExpectationKind kind,
            String statement,
            String examples,
            Long expectedRowVersion) {
        var draft = drafts.draft(versionId);
        var content = loader.load(draft);
        var competency = byKey(competencies.findByVersion(versionId), Competency::getKey, competencyKey, "Competency");
        var level = byKey(levels.findByVersion(versionId), Level::getKey, levelKey, "Level");
        if (kind == ExpectationKind.EXPECTED && (statement == null || statement.isBlank())) {
            throw new ValidationException("Write what " + level.getKey() + " expects, or mark it as not expected.");
        }
        if (statement != null && statement.length() > LadderDocumentValidator.MAX_TEXT
                || examples != null && examples.length() > LadderDocumentValidator.MAX_TEXT) {
            throw new ValidationException(
                    "Statements and examples are at most " + LadderDocumentValidator.MAX_TEXT + " characters long.");
        }
        var existing = content.explicit(competencyKey, levelKey);
        var before = existing.map(e -> (Object) expectationMap(e.kind(), e.statement(), e.examples()))
                .orElse(null);
        if (existing.isPresent()) {
            if (expectedRowVersion == null || existing.get().version() != expectedRowVersion) {
                throw new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey);
            }
            var entity = expectations.findById(existing.get().id()).orElseThrow();
            entity.update(
                    kind,
                    kind == ExpectationKind.EXPECTED ? statement.strip() : null,
                    kind == ExpectationKind.EXPECTED ? LadderDrafts.blankToNull(examples) : null);
        } else {
            if (expectedRowVersion != null) {
                throw new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey);
            }
            expectations.save(new Expectation(
                    draft,
                    competency,
                    level,
                    kind,
                    kind == ExpectationKind.EXPECTED ? statement.strip() : null,
                    kind == ExpectationKind.EXPECTED ? LadderDrafts.blankToNull(examples) : null));
        }
        expectations.flush();
        audit.record(
                "EXPECTATION_SET",
                "LadderVersion",
                versionId,
                competencyKey + " at " + levelKey + " in draft " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                before,
                expectationMap(kind, statement, examples));
    }

    /** Removes the explicit expectation of a cell, so the cell inherits from the level below again. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void clearExpectation(Long versionId, String competencyKey, String levelKey, long expectedRowVersion) {
        var draft = drafts.draft(versionId);
        var existing = loader.load(draft)
                .explicit(competencyKey, levelKey)
                .orElseThrow(() -> new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey));
        if (existing.version() != expectedRowVersion) {
            throw new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey);
        }
        expectations.deleteById(existing.id());
        audit.record(
                "EXPECTATION_CLEARED",
                "LadderVersion",
                versionId,
                competencyKey + " at " + levelKey + " now inherits, in draft " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                expectationMap(existing.kind(), existing.statement(), existing.examples()),
                null);
    }

    /** Replaces the structure of a draft (tiers, levels, areas, competencies) and its expectations in one step. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void replaceDraft(Long versionId, long expectedVersion, LadderDocument doc) {
        var draft = drafts.draft(versionId);
        if (draft.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The draft");
        }
        drafts.requireValid(doc);
        var ladderId = draft.getLadder().getId();
        drafts.checkRemovedLevelsUnheld(
                ladderId,
                doc.tiers().stream()
                        .flatMap(t -> t.levels().stream())
                        .map(LadderDocument.LevelDoc::key)
                        .toList());
        var before = LadderDocuments.toDocument(loader.load(draft));
        expectations.deleteAllInBatch(expectations.findByVersion(versionId));
        competencies.deleteAllInBatch(competencies.findByVersion(versionId));
        areas.deleteAllInBatch(areas.findByVersion(versionId));
        levels.deleteAllInBatch(levels.findByVersion(versionId));
        tiers.deleteAllInBatch(tiers.findByVersion(versionId));
        drafts.deleteTracks(versionId);
        drafts.persist(draft, doc);
        draft.setChangeNote(draft.getChangeNote());
        versions.save(draft);
        versions.flush();
        audit.record(
                "LADDER_DRAFT_EDITED",
                "LadderVersion",
                versionId,
                "Edited the structure of draft " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                LadderDocuments.summary(before),
                LadderDocuments.summary(doc));
    }

    private static <T> T byKey(List<T> items, Function<T, String> key, String wanted, String what) {
        return items.stream()
                .filter(i -> key.apply(i).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(what + " " + wanted + " is not part of this version"));
    }

    private static Map<String, Object> expectationMap(ExpectationKind kind, String statement, String examples) {
        var map = new LinkedHashMap<String, Object>();
        map.put("kind", kind.name());
        map.put("statement", statement);
        map.put("examples", examples);
        return map;
    }
}
