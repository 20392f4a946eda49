package app.rungs.ladder.api;

import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderSummary;
import app.rungs.ladder.service.PublicLadders;
import app.rungs.ladder.service.VersionSummary;
import app.rungs.shared.api.ApiPage;
import app.rungs.shared.api.ApiPaging;
import app.rungs.shared.service.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ladders and their versions as JSON, through the same secured services as the ladder screens. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Ladders", description = "Career ladders and their published versions")
class LadderApiController {

    private final LadderService ladders;
    private final PublicLadders publicLadders;

    LadderApiController(LadderService ladders, PublicLadders publicLadders) {
        this.ladders = ladders;
        this.publicLadders = publicLadders;
    }

    /** A ladder in lists: what is published, never anything about drafts. */
    record LadderJson(
            Long id,
            String name,
            String description,
            boolean retired,
            Integer publishedVersion,
            Instant publishedAt,
            int levelCount,
            int competencyCount) {

        static LadderJson of(LadderSummary s) {
            return new LadderJson(
                    s.id(),
                    s.name(),
                    s.description(),
                    s.retired(),
                    s.publishedNumber(),
                    s.publishedAt(),
                    s.levelCount(),
                    s.competencyCount());
        }
    }

    record VersionJson(int number, String status, Instant createdAt, Instant publishedAt, String changeNote) {

        static VersionJson of(VersionSummary v) {
            return new VersionJson(v.number(), v.status().name(), v.createdAt(), v.publishedAt(), v.changeNote());
        }
    }

    @GetMapping("/ladders")
    @Operation(summary = "Ladders the token's owner may see, a page at a time")
    ApiPage<LadderJson> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var paging = ApiPaging.of(page, size);
        var items = ladders.list(paging.offset(), paging.size()).stream()
                .map(LadderJson::of)
                .toList();
        return ApiPage.of(items, paging, ladders.count());
    }

    @GetMapping("/ladders/{ladderId}")
    @Operation(summary = "The published version of a ladder")
    FrameworkJson published(@PathVariable Long ladderId) {
        return ladders.published(ladderId)
                .map(FrameworkJson::of)
                .orElseThrow(() -> new NotFoundException("Ladder " + ladderId + " has no published version"));
    }

    @GetMapping("/ladders/{ladderId}/versions")
    @Operation(summary = "A ladder's versions, newest first (drafts only for admins)")
    ApiPage<VersionJson> versions(
            @PathVariable Long ladderId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var paging = ApiPaging.of(page, size);
        var total = ladders.historyCount(ladderId);
        if (total == 0) {
            throw new NotFoundException("Ladder " + ladderId + " was not found");
        }
        var items = ladders.history(ladderId, paging.offset(), paging.size()).stream()
                .map(VersionJson::of)
                .toList();
        return ApiPage.of(items, paging, total);
    }

    @GetMapping("/ladders/{ladderId}/versions/{number}")
    @Operation(summary = "One version of a ladder by its number")
    FrameworkJson version(@PathVariable Long ladderId, @PathVariable int number) {
        return FrameworkJson.of(ladders.content(ladderId, number));
    }

    @GetMapping("/public/ladders/{slug}")
    @SecurityRequirements
    @Operation(summary = "A ladder an admin made public: its published version, no token needed")
    FrameworkJson publicLadder(@PathVariable String slug) {
        return publicLadders
                .framework(slug)
                .map(FrameworkJson::of)
                .orElseThrow(() -> new NotFoundException("There is no public ladder at this address"));
    }
}
