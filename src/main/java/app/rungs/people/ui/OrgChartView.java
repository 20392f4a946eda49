package app.rungs.people.ui;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.OrgNode;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonOption;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Stream;

/**
 * The reporting tree, as a chart of boxes and lines (with search and zoom) or as a table: admins see the whole
 * organization, managers their own subtree. In both, reports load lazily, a page at a time, when a person is expanded.
 * {@code ?view=table} opens the table.
 */
@Route("org-chart")
@PageTitle("Org chart")
@Menu(order = 12, icon = "vaadin:cluster", title = "Org chart")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/people.css")
public class OrgChartView extends Div implements BeforeEnterObserver {

    final TreeGrid<OrgNode> tree = new TreeGrid<>();
    /** What is open now, wherever in the tree, so "Collapse all" closes exactly that. */
    private final java.util.Set<OrgNode> expanded = new java.util.HashSet<>();

    private final PeopleGridService people;
    private final LevelCatalog catalog;

    final TabSheet tabs = new TabSheet();
    final Tab chartTab;
    final Tab tableTab;
    final OrgChartDiagram diagram;
    final ComboBox<PersonOption> search = new ComboBox<>("Find a person");

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
        addClassNames("page", "page-full", "org-page");
        var admin = CurrentUser.require().has(Role.ADMIN);
        var title = new H1(admin ? "Org chart" : "Your organization");
        title.addClassName("page-title");

        // Wrapped cells and minimum widths: deep names, long titles and team names are read in full, never cut.
        tree.addThemeVariants(
                GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_NO_BORDER,
                GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        tree.addClassName("org-grid");
        tree.addExpandListener(e -> expanded.addAll(e.getItems()));
        tree.addCollapseListener(e -> e.getItems().forEach(expanded::remove));
        tree.addComponentHierarchyColumn(this::nodeCell)
                .setHeader("Person")
                .setFlexGrow(3)
                .setWidth("20rem");
        tree.addColumn(new ComponentRenderer<>(n -> PersonRenderers.levelBadge(
                        n.levelKey(), PersonRenderers.levelText(catalog, n.ladderId(), n.levelKey()))))
                .setHeader("Level")
                .setWidth("7rem")
                .setFlexGrow(0);
        tree.addColumn(n -> catalog.find(n.ladderId(), n.levelKey())
                        .map(LevelCatalog.LevelInfo::title)
                        .orElse(""))
                .setHeader("Level title")
                .setWidth("12rem")
                .setFlexGrow(2);
        tree.addColumn(n -> n.teamName() == null ? "" : n.teamName())
                .setHeader("Team")
                .setWidth("10rem")
                .setFlexGrow(1);
        tree.addColumn(n -> n.hasReports() ? String.valueOf(n.directReports()) : "")
                .setHeader("Direct reports")
                .setWidth("9rem")
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
        var table = new Div(bar, tree);
        table.addClassName("org-panel");

        diagram = new OrgChartDiagram(grid, catalog);
        var chart = new Div(chartToolbar(grid), diagram);
        chart.addClassName("org-panel");

        tabs.addClassName("org-tabs");
        chartTab = tabs.add("Chart", chart);
        tableTab = tabs.add("Table", table);
        tabs.setSizeFull();
        tabs.addSelectedChangeListener(e -> getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, e.getSelectedTab() == tableTab ? "org-chart?view=table" : "org-chart")));
        add(title, tabs);
        expandTop();
    }

    /** Search, zoom and fit for the chart; every control a labelled button or field, reachable by keyboard. */
    private Div chartToolbar(PeopleGridService grid) {
        search.setPlaceholder("Name or email");
        search.setClearButtonVisible(true);
        search.setItemLabelGenerator(p ->
                p.jobTitle() == null || p.jobTitle().isBlank() ? p.fullName() : p.fullName() + " · " + p.jobTitle());
        search.setItems(query ->
                grid.findInOrgChart(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        search.addClassName("org-search");
        search.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                diagram.reveal(e.getValue().id());
            }
        });
        var zoomOut = iconButton(VaadinIcon.SEARCH_MINUS, "Zoom out", diagram::zoomOut);
        var zoomIn = iconButton(VaadinIcon.SEARCH_PLUS, "Zoom in", diagram::zoomIn);
        var fit = new Button("Fit", VaadinIcon.EXPAND_SQUARE.create(), e -> diagram.fit());
        fit.setAriaLabel("Zoom to fit the open chart");
        fit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var actual = new Button("Actual size", e -> diagram.resetZoom());
        actual.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var zoom = new Div(zoomOut, diagram.zoomLabel(), zoomIn, fit, actual);
        zoom.addClassName("org-zoom");
        zoom.getElement().setAttribute("role", "group");
        zoom.getElement().setAttribute("aria-label", "Zoom");
        var bar = new Div(search, spacer(), zoom);
        bar.addClassNames("toolbar", "org-toolbar");
        return bar;
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        var button = new Button(icon.create(), e -> action.run());
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        return button;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var view = event.getLocation().getQueryParameters().getSingleParameter("view");
        tabs.setSelectedTab(view.filter("table"::equals).isPresent() ? tableTab : chartTab);
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
