package app.rungs.people.ui;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.OrgNode;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Stream;

/**
 * The reporting tree: admins see the whole organization, managers their own subtree. Children load lazily, a
 * page at a time, when a node is expanded.
 */
@Route("org-chart")
@PageTitle("Org chart")
@Menu(order = 12, icon = "vaadin:cluster", title = "Org chart")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/people.css")
public class OrgChartView extends Div {

    final TreeGrid<OrgNode> tree = new TreeGrid<>();
    /** What is open now, wherever in the tree, so "Collapse all" closes exactly that. */
    private final java.util.Set<OrgNode> expanded = new java.util.HashSet<>();

    private final PeopleGridService people;
    private final LevelCatalog catalog;

    /** Loads children of a node from the database on demand. */
    static final class OrgDataProvider extends AbstractBackEndHierarchicalDataProvider<OrgNode, Void> {
        private final PeopleGridService people;

        OrgDataProvider(PeopleGridService people) {
            this.people = people;
        }

        @Override
        protected Stream<OrgNode> fetchChildrenFromBackEnd(HierarchicalQuery<OrgNode, Void> query) {
            var parent = query.getParent();
            return people
                    .orgChildren(parent == null ? null : parent.id(), query.getOffset(), query.getLimit())
                    .stream();
        }

        @Override
        public int getChildCount(HierarchicalQuery<OrgNode, Void> query) {
            var parent = query.getParent();
            if (parent != null && !parent.hasReports()) {
                return 0;
            }
            return people.orgChildCount(parent == null ? null : parent.id());
        }

        @Override
        public boolean hasChildren(OrgNode item) {
            return item.hasReports();
        }

        @Override
        public Object getId(OrgNode item) {
            return item.id();
        }
    }

    public OrgChartView(PeopleService people, PeopleGridService grid) {
        this.people = grid;
        // Titles for the level column; the chart's nodes come from the grid service.
        this.catalog = people.levelCatalog();
        addClassNames("page", "page-full");
        var admin = CurrentUser.require().has(Role.ADMIN);
        var title = new H1(admin ? "Org chart" : "Your organization");
        title.addClassName("page-title");

        tree.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        tree.addExpandListener(e -> expanded.addAll(e.getItems()));
        tree.addCollapseListener(e -> e.getItems().forEach(expanded::remove));
        tree.addComponentHierarchyColumn(this::nodeCell)
                .setHeader("Person")
                .setFlexGrow(3)
                .setWidth("22rem");
        tree.addColumn(new ComponentRenderer<>(n -> PersonRenderers.levelBadge(
                        n.levelKey(), PersonRenderers.levelText(catalog, n.ladderId(), n.levelKey()))))
                .setHeader("Level")
                .setWidth("7rem")
                .setFlexGrow(0);
        tree.addColumn(n -> catalog.find(n.ladderId(), n.levelKey())
                        .map(LevelCatalog.LevelInfo::title)
                        .orElse(""))
                .setHeader("Level title")
                .setFlexGrow(2);
        tree.addColumn(n -> n.teamName() == null ? "" : n.teamName())
                .setHeader("Team")
                .setFlexGrow(1);
        tree.addColumn(n -> n.hasReports() ? String.valueOf(n.directReports()) : "")
                .setHeader("Direct reports")
                .setWidth("8rem")
                .setFlexGrow(0);
        var provider = new OrgDataProvider(grid);
        tree.setDataProvider(provider);
        tree.setPageSize(50);
        tree.setSizeFull();

        var expand = new Button("Expand top levels", VaadinIcon.PLUS_SQUARE_O.create(), e -> expandTop());
        expand.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var collapse = new Button("Collapse all", VaadinIcon.MINUS_SQUARE_O.create(), e -> collapseAll());
        collapse.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var hint = new Span("Expand a person to see who reports to them.");
        hint.addClassName("people-count");
        var bar = new Div(hint, spacer(), expand, collapse);
        bar.addClassName("toolbar");
        add(title, bar, tree);
        expandTop();
    }

    private static Div spacer() {
        var spacer = new Div();
        spacer.addClassName("spacer");
        return spacer;
    }

    /** Opens the top of the chart: its roots, and for a single root the next level too. */
    void expandTop() {
        var roots = people.orgChildren(null, 0, 50);
        tree.expand(roots);
    }

    void collapseAll() {
        tree.collapse(java.util.List.copyOf(expanded));
        expanded.clear();
        tree.getDataProvider().refreshAll();
    }

    private Component nodeCell(OrgNode n) {
        var avatar = new Avatar(n.fullName());
        avatar.setAbbreviation(PersonRenderers.initials(n.fullName()));
        avatar.addThemeName("xsmall");
        var title = new Span(n.jobTitle() == null ? "" : n.jobTitle());
        title.addClassName("org-title");
        var cell = new Div(PersonRenderers.personLink(n.id(), n.fullName()), title);
        cell.addClassName("person-cell");
        var node = new Div(avatar, cell);
        node.addClassName("org-node");
        return node;
    }
}
