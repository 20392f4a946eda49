package app.rungs.evidence.api;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.shared.api.ApiPage;
import app.rungs.shared.api.ApiPaging;
import app.rungs.shared.service.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence: lists and items of the people the token's owner may see, and new drafts logged as the owner. A draft
 * counts for nothing until its owner reviews and submits it in the app. The evidence services decide who reads what.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Evidence", description = "Evidence items, and drafts logged as the token's owner")
class EvidenceApiController {

    private final EvidenceService evidence;
    private final EvidenceAuthoring authoring;

    EvidenceApiController(EvidenceService evidence, EvidenceAuthoring authoring) {
        this.evidence = evidence;
        this.authoring = authoring;
    }

    record EvidenceSummaryJson(
            Long id,
            Long ownerId,
            String type,
            String title,
            LocalDate occurredOn,
            String levelKey,
            List<String> competencyKeys,
            String status,
            int revision,
            Instant submittedAt,
            Instant updatedAt) {

        static EvidenceSummaryJson of(EvidenceRow r) {
            return new EvidenceSummaryJson(
                    r.id(),
                    r.ownerId(),
                    r.type().name(),
                    r.title(),
                    r.occurredOn(),
                    r.levelKey(),
                    r.competencyKeys(),
                    r.status().name(),
                    r.revision(),
                    r.submittedAt(),
                    r.updatedAt());
        }
    }

    record EvidenceJson(
            Long id,
            Long ownerId,
            String ownerName,
            Long ladderId,
            String type,
            String title,
            LocalDate occurredOn,
            String description,
            String impact,
            String levelKey,
            List<String> competencyKeys,
            List<String> links,
            Map<String, String> details,
            String status,
            int revision,
            Instant submittedAt,
            Instant reviewedAt,
            Instant createdAt,
            Instant updatedAt) {

        static EvidenceJson of(EvidenceDetails d) {
            return new EvidenceJson(
                    d.id(),
                    d.ownerId(),
                    d.ownerName(),
                    d.ladderId(),
                    d.type().name(),
                    d.title(),
                    d.occurredOn(),
                    d.description(),
                    d.impact(),
                    d.levelKey(),
                    d.competencyKeys(),
                    d.links(),
                    d.details(),
                    d.status().name(),
                    d.revision(),
                    d.submittedAt(),
                    d.reviewedAt(),
                    d.createdAt(),
                    d.updatedAt());
        }
    }

    /** A new draft. Type and date arrive as text, so a wrong value gets a message naming the field. */
    @Schema(name = "NewEvidenceDraft")
    record DraftJson(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {
                        "INCIDENT_POSTMORTEM",
                        "PUBLICATION",
                        "DESIGN_DOCUMENT",
                        "OPEN_SOURCE",
                        "STANDARDS",
                        "TALK",
                        "MENTORING",
                        "CERTIFICATION",
                        "DEGREE",
                        "OTHER"
                    })
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String title,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-02")
            String occurredOn,

            String description,
            String impact,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A level key of the owner's ladder")
            String levelKey,

            List<String> competencyKeys,
            List<String> links,

            @Schema(description = "Fields of the type, as in the app's form")
            Map<String, String> details) {}

    @GetMapping("/evidence")
    @Operation(summary = "The token owner's own evidence, newest first")
    ApiPage<EvidenceSummaryJson> mine(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return page(null, page, size);
    }

    @GetMapping("/people/{personId}/evidence")
    @Operation(summary = "A person's evidence, for owners who may see the person")
    ApiPage<EvidenceSummaryJson> ofPerson(
            @PathVariable Long personId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return page(personId, page, size);
    }

    @GetMapping("/evidence/{evidenceId}")
    @Operation(summary = "One evidence item")
    EvidenceJson item(@PathVariable Long evidenceId) {
        return EvidenceJson.of(evidence.details(evidenceId));
    }

    @PostMapping(path = "/evidence", consumes = "application/json")
    @Operation(summary = "Logs a draft as the token's owner; it counts once they submit it in Rungs")
    ResponseEntity<EvidenceJson> createDraft(@RequestBody DraftJson draft) {
        var id = authoring.create(input(draft), false);
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + id)).body(EvidenceJson.of(evidence.details(id)));
    }

    private ApiPage<EvidenceSummaryJson> page(Long ownerId, Integer page, Integer size) {
        var paging = ApiPaging.of(page, size);
        var filter = EvidenceFilter.none();
        var items = evidence.find(ownerId, filter, PageRequest.of(paging.page(), paging.size())).stream()
                .map(EvidenceSummaryJson::of)
                .toList();
        return ApiPage.of(items, paging, evidence.count(ownerId, filter));
    }

    private static EvidenceInput input(DraftJson draft) {
        if (draft == null) {
            throw new ValidationException("Send the draft as a JSON object.");
        }
        var problems = new ArrayList<String>();
        EvidenceType type = null;
        if (draft.type() == null || draft.type().isBlank()) {
            problems.add("type is required: one of " + Arrays.toString(EvidenceType.values()) + ".");
        } else {
            try {
                type = EvidenceType.valueOf(draft.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("type must be one of " + Arrays.toString(EvidenceType.values()) + ".");
            }
        }
        LocalDate occurredOn = null;
        if (draft.occurredOn() == null || draft.occurredOn().isBlank()) {
            problems.add("occurredOn is required, as a date like 2026-11-02.");
        } else {
            try {
                occurredOn = LocalDate.parse(draft.occurredOn().strip());
            } catch (DateTimeParseException e) {
                problems.add("occurredOn must be a date like 2026-11-02.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new EvidenceInput(
                type,
                draft.title(),
                occurredOn,
                draft.description(),
                draft.impact(),
                draft.levelKey(),
                draft.competencyKeys() == null ? List.of() : draft.competencyKeys(),
                draft.links() == null ? List.of() : draft.links(),
                draft.details() == null ? Map.of() : draft.details());
    }
}
