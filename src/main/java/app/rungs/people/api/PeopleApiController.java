package app.rungs.people.api;

import app.rungs.people.service.LevelHistoryEntry;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PeopleSort;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonListItem;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.api.ApiPage;
import app.rungs.shared.api.ApiPaging;
import app.rungs.shared.service.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * People and their levels, exactly as far as the token's owner sees them in the app: admins everyone, managers their
 * reporting line, engineers themselves. The secured people services decide; this class only shapes JSON.
 */
@RestController
@RequestMapping(path = "/api/v1/people", produces = "application/json")
@Tag(name = "People", description = "People the token's owner may see, with their levels")
class PeopleApiController {

    private final PeopleService people;
    private final PeopleGridService grid;

    PeopleApiController(PeopleService people, PeopleGridService grid) {
        this.people = people;
        this.grid = grid;
    }

    record PersonJson(
            Long id,
            String fullName,
            String email,
            String jobTitle,
            Long teamId,
            String teamName,
            Long managerId,
            Long ladderId,
            String levelKey,
            LocalDate levelSince,
            String trackKey,
            boolean active) {

        static PersonJson of(PersonListItem p) {
            return new PersonJson(
                    p.id(),
                    p.fullName(),
                    p.email(),
                    p.jobTitle(),
                    p.teamId(),
                    p.teamName(),
                    p.managerId(),
                    p.ladderId(),
                    p.levelKey(),
                    p.levelSince(),
                    p.trackKey(),
                    p.active());
        }

        static PersonJson of(PersonDetails p) {
            return new PersonJson(
                    p.id(),
                    p.fullName(),
                    p.email(),
                    p.jobTitle(),
                    p.teamId(),
                    p.teamName(),
                    p.managerId(),
                    p.ladderId(),
                    p.levelKey(),
                    p.levelSince(),
                    p.trackKey(),
                    p.active());
        }
    }

    record LevelChangeJson(Long ladderId, String levelKey, LocalDate effectiveDate, String reason, boolean scheduled) {

        static LevelChangeJson of(LevelHistoryEntry e) {
            return new LevelChangeJson(
                    e.ladderId(), e.levelKey(), e.effectiveDate(), e.reason().name(), e.scheduled());
        }
    }

    record PersonWithLevelsJson(PersonJson person, List<LevelChangeJson> levelHistory) {}

    @GetMapping
    @Operation(summary = "People the token's owner may see, by name, a page at a time")
    ApiPage<PersonJson> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(description = "active (default), left or all") @RequestParam(required = false) String status) {
        var paging = ApiPaging.of(page, size);
        var filter = PeopleFilter.active().withStatus(status(status));
        var me = CurrentUser.require();
        if (me.has(Role.ADMIN) || me.has(Role.MANAGER)) {
            var items = grid
                    .findPeople(filter, List.of(PeopleSort.asc(PeopleSort.Field.NAME)), paging.offset(), paging.size())
                    .stream()
                    .map(PersonJson::of)
                    .toList();
            return ApiPage.of(items, paging, grid.countPeople(filter));
        }
        // Engineers see one person: themselves.
        var self = people
                .me()
                .filter(p -> filter.status() == PeopleFilter.Status.ALL
                        || p.active() == (filter.status() == PeopleFilter.Status.ACTIVE))
                .map(PersonJson::of)
                .stream()
                .toList();
        return ApiPage.of(paging.page() == 0 ? self : List.of(), paging, self.size());
    }

    @GetMapping("/{personId}")
    @Operation(summary = "One person with their level history (not found unless the owner may see them)")
    PersonWithLevelsJson person(@PathVariable Long personId) {
        var details = people.details(personId);
        return new PersonWithLevelsJson(
                PersonJson.of(details),
                details.history().stream().map(LevelChangeJson::of).toList());
    }

    private static PeopleFilter.Status status(String value) {
        if (value == null || value.isBlank()) {
            return PeopleFilter.Status.ACTIVE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "active" -> PeopleFilter.Status.ACTIVE;
            case "left" -> PeopleFilter.Status.LEFT;
            case "all" -> PeopleFilter.Status.ALL;
            default -> throw new ValidationException("status must be active, left or all.");
        };
    }
}
