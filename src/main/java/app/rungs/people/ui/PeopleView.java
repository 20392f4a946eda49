package app.rungs.people.ui;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.LevelSelection;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PeopleSort;
import app.rungs.people.service.PersonListItem;
import app.rungs.people.service.TimeInLevel;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everyone an admin may manage, or a manager's whole reporting line: a lazy grid sorted, filtered and paged in
 * SQL, with a filter in every column header. Admins select rows to assign a level in bulk.
 */
@Route("people")
@PageTitle("People")
@Menu(order = 10, icon = "vaadin:users", title = "People")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/people.css")
public class PeopleView extends Div {

    /** A choice of the specialization filter: a track, or generalists (no track). */
    record SpecializationChoice(SpecializationTrack track, String label) {}

    static final SpecializationChoice GENERALISTS = new SpecializationChoice(null, "Generalist");

    /** The choice of the path filter for people on their ladder's shared line (no track). */
    static final LevelCatalog.TrackInfo SHARED_LINE =
            new LevelCatalog.TrackInfo(null, null, PeopleFilter.SHARED_LINE, "Shared line");

    final Grid<PersonListItem> grid = new Grid<>();
    final TextField nameFilter = new TextField();
    final TextField teamFilter = new TextField();
    final TextField managerFilter = new TextField();
    final ComboBox<LevelCatalog.LevelInfo> levelFilter = new ComboBox<>();
    final ComboBox<String> tierFilter = new ComboBox<>();
    final ComboBox<TimeInLevel> timeFilter = new ComboBox<>();
    final ComboBox<SpecializationChoice> specializationFilter = new ComboBox<>();
    final ComboBox<LevelCatalog.TrackInfo> trackFilter = new ComboBox<>();
    final Select<PeopleFilter.Status> status = new Select<>();
    final Span count = new Span();
    final Button assignLevel = new Button("Assign level…", VaadinIcon.ARROW_UP.create());

    private final PeopleServices services;
    private final boolean admin;
    /** The levels to filter by; the grid service resolves levels of its rows itself. */
    private final LevelCatalog catalog;

    public PeopleView(PeopleServices services) {
        this.services = services;
        this.catalog = services.people().levelCatalog();
        this.admin = CurrentUser.require().has(Role.ADMIN);
        addClassNames("page", "page-full", "people-page");
        var title = new H1(admin ? "People" : "Your reporting line");
        title.addClassName("page-title");
        add(title, toolbar(), buildGrid());
        refresh();
    }

    private Component toolbar() {
        status.setItems(PeopleFilter.Status.values());
        status.setItemLabelGenerator(PeopleFilter.Status::label);
        status.setValue(PeopleFilter.Status.ACTIVE);
        status.setAriaLabel("Status");
        status.addValueChangeListener(e -> refresh());
        count.addClassName("people-count");
        var clear = new Button("Clear filters", e -> clearFilters());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var spacer = new Div();
        spacer.addClassName("spacer");
        var bar = new Div(status, count, clear, spacer);
        bar.addClassName("toolbar");
        if (admin) {
            assignLevel.setEnabled(false);
            assignLevel.addClickListener(e -> openBulkLevel());
            var add = new Button(
                    "Add person",
                    VaadinIcon.PLUS.create(),
                    e -> new PersonFormDialog(services, null, id -> {
                                refresh();
                                UI.getCurrent().navigate(PersonRenderers.personPath(id));
                            })
                            .open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var importButton = new Button(
                    "Import from HRIS",
                    VaadinIcon.UPLOAD.create(),
                    e -> UI.getCurrent().navigate(PeopleImportView.class));
            bar.add(assignLevel, importButton, add);
        }
        return bar;
    }

    private Component buildGrid() {
        grid.addClassName("people-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        if (admin) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(e -> {
                int n = e.getAllSelectedItems().size();
                assignLevel.setEnabled(n > 0);
                assignLevel.setText(n > 0 ? "Assign level to " + n + "…" : "Assign level…");
            });
        }
        var name = grid.addColumn(new ComponentRenderer<>(this::nameCell))
                .setHeader("Name")
                .setKey("name")
                .setSortProperty(PeopleSort.Field.NAME.name())
                .setFlexGrow(2)
                .setWidth("12rem");
        var team = grid.addColumn(PersonListItem::teamName)
                .setHeader("Team")
                .setKey("team")
                .setSortProperty(PeopleSort.Field.TEAM.name())
                .setWidth("9rem");
        var manager = grid.addColumn(PersonListItem::managerName)
                .setHeader("Manager")
                .setKey("manager")
                .setSortProperty(PeopleSort.Field.MANAGER.name())
                .setWidth("9rem");
        var level = grid.addColumn(new ComponentRenderer<>(this::levelCell))
                .setHeader("Level")
                .setKey("level")
                .setSortProperty(PeopleSort.Field.LEVEL.name())
                .setFlexGrow(2)
                .setWidth("11rem");
        var tier = grid.addColumn(p -> p.tierName() == null ? "" : p.tierName())
                .setHeader("Tier")
                .setKey("tier")
                .setSortProperty(PeopleSort.Field.TIER.name())
                .setWidth("9rem");
        var time = grid.addColumn(p -> Formats.since(p.levelSince(), Formats.today()))
                .setHeader("Time in level")
                .setKey("time")
                .setSortProperty(PeopleSort.Field.TIME_IN_LEVEL.name())
                .setWidth("7.5rem")
                .setFlexGrow(0);
        var specialization = grid.addColumn(p -> PersonRenderers.specialization(p.specialization()))
                .setHeader("Specialization")
                .setKey("specialization")
                .setSortProperty(PeopleSort.Field.SPECIALIZATION.name())
                .setWidth("9rem");
        var path = grid.addColumn(p -> catalog.trackName(p.ladderId(), p.trackKey()))
                .setHeader("Path")
                .setKey("track")
                .setWidth("10rem");
        // A header click sorts by that column alone (the default name sort must not stay first); Shift-click adds
        // a column to the sort.
        grid.setMultiSort(true, Grid.MultiSortPriority.APPEND, true);

        // Filter row under the headers.
        var filters = grid.appendHeaderRow();
        text(nameFilter, "Name or email");
        text(teamFilter, "Team");
        text(managerFilter, "Manager");
        filters.getCell(name).setComponent(nameFilter);
        filters.getCell(team).setComponent(teamFilter);
        filters.getCell(manager).setComponent(managerFilter);

        var levels = new ArrayList<LevelCatalog.LevelInfo>(catalog.levels());
        levels.add(LevelCatalog.NO_LEVEL);
        levelFilter.setItems(levels);
        levelFilter.setItemLabelGenerator(l -> catalog.multipleLadders() && l.ladderName() != null
                ? l.label() + " (" + l.ladderName() + ")"
                : l.label());
        combo(levelFilter, "Any level");
        filters.getCell(level).setComponent(levelFilter);

        tierFilter.setItems(catalog.tierNames());
        combo(tierFilter, "Any tier");
        filters.getCell(tier).setComponent(tierFilter);

        timeFilter.setItems(TimeInLevel.values());
        timeFilter.setItemLabelGenerator(TimeInLevel::label);
        combo(timeFilter, "Any");
        filters.getCell(time).setComponent(timeFilter);

        var choices = new ArrayList<SpecializationChoice>();
        for (var track : SpecializationTrack.values()) {
            choices.add(new SpecializationChoice(track, track.label()));
        }
        choices.add(GENERALISTS);
        specializationFilter.setItems(choices);
        specializationFilter.setItemLabelGenerator(SpecializationChoice::label);
        combo(specializationFilter, "Any");
        filters.getCell(specialization).setComponent(specializationFilter);

        var tracks = new ArrayList<>(catalog.tracks());
        tracks.add(SHARED_LINE);
        trackFilter.setItems(tracks);
        trackFilter.setItemLabelGenerator(t -> catalog.multipleLadders() && t.ladderName() != null
                ? t.name() + " (" + t.ladderName() + ")"
                : t.name());
        combo(trackFilter, "Any path");
        filters.getCell(path).setComponent(trackFilter);

        grid.setItems(
                query -> services
                        .grid()
                        .findPeople(filter(), sorts(query.getSortOrders()), query.getOffset(), query.getLimit())
                        .stream(),
                query -> {
                    var total = services.grid().countPeople(filter());
                    count.setText(
                            NumberFormat.getIntegerInstance(Locale.ENGLISH).format(total)
                                    + (total == 1 ? " person" : " people"));
                    return (int) Math.min(Integer.MAX_VALUE, total);
                });
        grid.sort(List.of(new GridSortOrder<>(name, SortDirection.ASCENDING)));
        grid.setSizeFull();
        return grid;
    }

    private void text(TextField field, String placeholder) {
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setAriaLabel(placeholder);
        field.addValueChangeListener(e -> refresh());
    }

    private void combo(ComboBox<?> box, String placeholder) {
        box.setPlaceholder(placeholder);
        box.setClearButtonVisible(true);
        box.setAriaLabel(placeholder);
        box.addValueChangeListener(e -> refresh());
    }

    private Component nameCell(PersonListItem p) {
        var email = new Span(p.email());
        email.addClassName("person-email");
        var cell = new Div(PersonRenderers.personLink(p.id(), p.fullName()), email);
        cell.addClassName("person-cell");
        if (!p.active()) {
            cell.add(Badges.badge("Left", "error"));
        }
        return cell;
    }

    private Component levelCell(PersonListItem p) {
        var cell = new Div(PersonRenderers.levelBadge(p.levelKey(), p.levelTitle()));
        cell.addClassName("level-cell");
        if (p.levelKey() != null && p.levelTitle() != null) {
            var title = new Span(p.levelTitle());
            title.addClassName("level-title");
            cell.add(title);
        }
        return cell;
    }

    PeopleFilter filter() {
        var spec = specializationFilter.getValue();
        return new PeopleFilter(
                nameFilter.getValue(),
                teamFilter.getValue(),
                managerFilter.getValue(),
                levelFilter.getValue(),
                tierFilter.getValue(),
                timeFilter.getValue(),
                spec == null ? null : spec.track(),
                spec == GENERALISTS,
                status.getValue(),
                trackFilter.getValue() == null ? null : trackFilter.getValue().key());
    }

    static List<PeopleSort> sorts(List<QuerySortOrder> orders) {
        var result = new ArrayList<PeopleSort>();
        for (var o : orders) {
            result.add(new PeopleSort(
                    PeopleSort.Field.valueOf(o.getSorted()), o.getDirection() == SortDirection.ASCENDING));
        }
        return result;
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void clearFilters() {
        nameFilter.clear();
        teamFilter.clear();
        managerFilter.clear();
        levelFilter.clear();
        tierFilter.clear();
        timeFilter.clear();
        specializationFilter.clear();
        trackFilter.clear();
        status.setValue(PeopleFilter.Status.ACTIVE);
    }

    private void openBulkLevel() {
        var selected = grid.getSelectedItems().stream()
                .map(p -> new LevelSelection(p.id(), p.version()))
                .toList();
        new LevelDialog(services.levels(), services.ladders(), selected, null, () -> {
                    grid.deselectAll();
                    refresh();
                })
                .open();
    }
}
