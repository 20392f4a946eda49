package app.rungs.people.service;

import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people grid, the org chart and the admins' person pickers: sorted, filtered and paged in SQL, levels resolved
 * from the published ladders here (callers pass no catalog). Admins page through everyone, managers through their
 * reporting line.
 */
@Service
public class PeopleGridService {

    private final PeopleService people;
    private final PeopleQueries queries;
    private final LevelCatalogs catalogs;
    private final Clock clock;

    PeopleGridService(PeopleService people, PeopleQueries queries, LevelCatalogs catalogs, Clock clock) {
        this.people = people;
        this.queries = queries;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void requireVisible(Long personId) {
        if (!people.canSee(personId)) {
            throw new NotFoundException("Person not found");
        }
    }

    /**
     * One page of the people grid: admins page through everyone, managers through their reporting line. Sorted,
     * filtered and paged in one SQL query.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<PersonListItem> findPeople(PeopleFilter filter, List<PeopleSort> sort, int offset, int limit) {
        var scope = gridScope();
        if (scope.isEmpty()) {
            return List.of();
        }
        return queries.page(
                scope.get(),
                filter == null ? PeopleFilter.active() : filter,
                sort == null ? List.of() : sort,
                catalogs.load(),
                today(),
                offset,
                Math.min(limit, 500));
    }

    /** How many people the grid holds with this filter; the ladders are read only to filter by tier. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public long countPeople(PeopleFilter filter) {
        var scope = gridScope();
        if (scope.isEmpty()) {
            return 0;
        }
        var effective = filter == null ? PeopleFilter.active() : filter;
        var catalog = effective.tier() == null || effective.tier().isBlank() ? LevelCatalog.empty() : catalogs.load();
        return queries.count(scope.get(), effective, catalog, today());
    }

    private Optional<PeopleQueries.Scope> gridScope() {
        var me = CurrentUser.require();
        if (me.has(Role.ADMIN)) {
            return Optional.of(PeopleQueries.Scope.everyone());
        }
        return me.personId() == null ? Optional.empty() : Optional.of(PeopleQueries.Scope.lineOf(me.personId()));
    }

    /**
     * The org chart's nodes below a parent, a page at a time. With no parent: the top of the chart the user may see
     * (admins: everyone without a manager; managers: themselves).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<OrgNode> orgChildren(Long parentId, int offset, int limit) {
        var me = CurrentUser.require();
        if (parentId == null && !me.has(Role.ADMIN)) {
            if (me.personId() == null || offset > 0) {
                return List.of();
            }
            var self = queries.node(me.personId());
            return self == null ? List.of() : List.of(self);
        }
        if (parentId != null) {
            requireVisible(parentId);
        }
        return queries.children(parentId, offset, Math.min(limit, 500));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public int orgChildCount(Long parentId) {
        var me = CurrentUser.require();
        if (parentId == null && !me.has(Role.ADMIN)) {
            return me.personId() == null ? 0 : 1;
        }
        if (parentId != null) {
            requireVisible(parentId);
        }
        return (int) Math.min(Integer.MAX_VALUE, queries.childCount(parentId));
    }
    /**
     * The line from the top of the signed-in user's chart down to a person, with the first {@code pageSize} reports of
     * every manager on it: a fixed number of statements however deep the person sits or large the organization is.
     * Someone outside the user's chart, inactive or unknown is "not found", as on the person page.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public OrgLine orgLine(Long personId, int pageSize) {
        var me = CurrentUser.require();
        if (personId == null) {
            throw new NotFoundException("Person not found");
        }
        var upward = queries.selfAndManagers(personId);
        int top = me.has(Role.ADMIN) ? upward.size() - 1 : upward.indexOf(me.personId());
        if (upward.isEmpty() || top < 0) {
            throw new NotFoundException("Person not found");
        }
        var pathIds = new ArrayList<>(upward.subList(0, top + 1));
        Collections.reverse(pathIds);
        var byId = queries.activeNodes(pathIds).stream().collect(Collectors.toMap(OrgNode::id, n -> n));
        if (byId.size() != pathIds.size()) {
            throw new NotFoundException("Person not found");
        }
        var path = pathIds.stream().map(byId::get).toList();
        var managers = pathIds.subList(0, pathIds.size() - 1);
        var children = managers.isEmpty()
                ? Map.<Long, List<OrgNode>>of()
                : queries.firstChildren(managers, Math.min(Math.max(pageSize, 1), 500), pathIds);
        return new OrgLine(path, children);
    }

    /** Active people in the signed-in user's chart whose name or email contains the text, for the chart's search. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<PersonOption> findInOrgChart(String text, int offset, int limit) {
        var scope = gridScope();
        if (scope.isEmpty()) {
            return List.of();
        }
        return queries
                .page(
                        scope.get(),
                        PeopleFilter.active().withName(text),
                        List.of(),
                        LevelCatalog.empty(),
                        today(),
                        offset,
                        Math.min(limit, 200))
                .stream()
                .map(r -> new PersonOption(r.id(), r.fullName(), r.email(), r.jobTitle()))
                .toList();
    }

    /** Active people whose name or email contains the text, for manager pickers (admins only). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<PersonOption> findActive(String text, int offset, int limit) {
        var filter = PeopleFilter.active().withName(text);
        return queries
                .page(
                        PeopleQueries.Scope.everyone(),
                        filter,
                        List.of(),
                        LevelCatalog.empty(),
                        today(),
                        offset,
                        Math.min(limit, 200))
                .stream()
                .map(r -> new PersonOption(r.id(), r.fullName(), r.email(), r.jobTitle()))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public int countActive(String text) {
        return (int) queries.count(
                PeopleQueries.Scope.everyone(), PeopleFilter.active().withName(text), LevelCatalog.empty(), today());
    }
}
