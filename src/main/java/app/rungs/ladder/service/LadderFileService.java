package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ladders as files: exporting any version as YAML, CSV or Markdown, and importing YAML or CSV as a new ladder or as
 * the new draft of an existing one. Imports are all or nothing.
 */
@Service
public class LadderFileService {

    private final LadderRepository ladders;
    private final LadderVersionRepository versions;
    private final AuditService audit;
    private final LadderService reading;
    private final LadderContentLoader loader;
    private final LadderDrafts drafts;

    LadderFileService(
            LadderRepository ladders,
            LadderVersionRepository versions,
            AuditService audit,
            LadderService reading,
            LadderContentLoader loader,
            LadderDrafts drafts) {
        this.ladders = ladders;
        this.versions = versions;
        this.audit = audit;
        this.reading = reading;
        this.loader = loader;
        this.drafts = drafts;
    }

    private final LadderYaml yaml = new LadderYaml();
    private final LadderCsvWriter csvWriter = new LadderCsvWriter();
    private final LadderImportReader importReader = new LadderImportReader();
    private final LadderMarkdown markdown = new LadderMarkdown();

    /** Any version as a file: YAML (lossless ladder-as-code), flat CSV, or a Markdown handbook page. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LadderFile export(Long versionId, LadderFormat format) {
        var content = reading.content(versionId);
        // Pay bands only in admins' files (PayBandStore.withBands); the CSV carries them in an optional column.
        var doc = drafts.payBands().withBands(LadderDocuments.toDocument(content), versionId);
        var text = switch (format) {
            case YAML -> yaml.write(doc);
            case CSV -> LadderCsvPayBands.addColumn(csvWriter.write(doc), doc);
            case MARKDOWN -> markdown.write(content);
        };
        var v = content.version();
        var base = LadderFileText.lowerKey(v.ladderName(), 60);
        var fileName = (base.isEmpty() ? "ladder" : base) + "-v" + v.number()
                + (v.status() == VersionStatus.DRAFT ? "-draft" : "") + "." + format.extension();
        return new LadderFile(fileName, format.contentType(), text.getBytes(StandardCharsets.UTF_8));
    }

    /**    /**
     * Imports an uploaded YAML or CSV file as a new ladder whose version 1 is a draft to review and publish. A YAML
     * file names its ladder; {@code name} overrides it and is required for CSV. All or nothing: a file with any problem
     * changes nothing, and the exception names every problem's line. Returns the draft's version id.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importNewLadder(String fileName, byte[] bytes, String name) {
        return importNewLadder(fileName, bytes, name, null);
    }

    /**
     * Imports an uploaded file of the given format (null: detected from the file) as a new ladder whose version 1 is
     * a draft; see {@link #importNewLadder(String, byte[], String)}.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importNewLadder(String fileName, byte[] bytes, String name, ImportFormat format) {
        var chosen = LadderImportReader.formatOf(fileName, bytes, format);
        var doc = importReader.newLadder(chosen, bytes, LadderDrafts.blankToNull(name));
        return importAsNewLadder(doc, fileName);
    }

    /** The format an uploaded file would be read as when none is chosen. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportFormat detectFormat(String fileName, byte[] bytes) {
        return LadderImportReader.formatOf(fileName, bytes, null);
    }

    /**
     * Imports an uploaded YAML or CSV file as the new draft of an existing ladder. An existing draft is replaced only
     * when {@code expectedDraftVersion} matches it (null when the caller saw no draft). CSV carries the matrix only;
     * descriptions, scope and impact of parts with unchanged keys are kept from the ladder's latest version. Returns
     * the new draft's version id.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importIntoDraft(Long ladderId, Long expectedDraftVersion, String fileName, byte[] bytes) {
        return importIntoDraft(ladderId, expectedDraftVersion, fileName, bytes, null);
    }

    /**
     * Imports an uploaded file of the given format (null: detected from the file) as the new draft of an existing
     * ladder; see {@link #importIntoDraft(Long, Long, String, byte[])}.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importIntoDraft(
            Long ladderId, Long expectedDraftVersion, String fileName, byte[] bytes, ImportFormat format) {
        var ladder = ladders.findById(ladderId).orElseThrow(() -> new NotFoundException("Ladder not found"));
        var chosen = LadderImportReader.formatOf(fileName, bytes, format);
        var existingDraft = versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT);
        if (existingDraft.isPresent()
                ? expectedDraftVersion == null || existingDraft.get().getVersion() != expectedDraftVersion
                : expectedDraftVersion != null) {
            throw new ConcurrentEditException("The draft of " + ladder.getName());
        }
        LadderDocument base = null;
        Map<String, List<PayBand>> keptBands = Map.of();
        if (chosen == ImportFormat.LADDER_CSV || chosen == ImportFormat.CRITERIA_SHEET) {
            var latest = existingDraft.or(() -> versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED));
            base = latest.map(v -> LadderDocuments.toDocument(loader.load(v))).orElse(null);
            keptBands = latest.map(v -> drafts.payBands().byLevel(v.getId())).orElse(Map.of());
        }
        var doc = importReader.draft(chosen, bytes, ladder.getName(), ladder.getDescription(), base, keptBands);
        return importAsDraft(ladderId, doc, fileName);
    }

    /** Imports a file as a new ladder; its first version is a draft to review and publish. Returns the version id. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importAsNewLadder(LadderDocument doc, String source) {
        drafts.requireValid(doc);
        var ladder = drafts.newLadder(doc.name(), doc.description());
        var version = versions.save(new LadderVersion(ladder, 1, CurrentUser.actorName()));
        version.setChangeNote("Imported from " + source);
        drafts.persist(version, doc);
        audit.record(
                "LADDER_IMPORTED",
                "Ladder",
                ladder.getId(),
                "Imported " + source + " as new ladder " + ladder.getName(),
                null,
                Map.of("name", ladder.getName(), "source", source));
        return version.getId();
    }

    /** Imports a file as the new draft of an existing ladder, replacing an existing draft. Returns the version id. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importAsDraft(Long ladderId, LadderDocument doc, String source) {
        drafts.requireValid(doc);
        var ladder = ladders.findById(ladderId).orElseThrow(() -> new NotFoundException("Ladder not found"));
        if (ladder.isRetired()) {
            throw new ValidationException("Ladder " + ladder.getName() + " is retired; it takes no new drafts.");
        }
        // A bulk delete (the database cascades to the draft's parts): parts loaded earlier in this transaction, for
        // example as the base of a CSV import, must not be flushed against a removed version.
        versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT)
                .ifPresent(d -> versions.deleteAllInBatch(List.of(d)));
        drafts.checkRemovedLevelsUnheld(
                ladderId,
                doc.tiers().stream()
                        .flatMap(t -> t.levels().stream())
                        .map(LadderDocument.LevelDoc::key)
                        .toList());
        var version =
                versions.save(new LadderVersion(ladder, versions.maxNumber(ladderId) + 1, CurrentUser.actorName()));
        version.setChangeNote("Imported from " + source);
        drafts.persist(version, doc);
        audit.record(
                "LADDER_DRAFT_IMPORTED",
                "Ladder",
                ladderId,
                "Imported " + source + " as draft version " + version.getNumber() + " of " + ladder.getName(),
                null,
                Map.of("version", version.getNumber(), "source", source));
        return version.getId();
    }
}
