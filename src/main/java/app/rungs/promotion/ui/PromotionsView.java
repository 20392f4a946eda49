package app.rungs.promotion.ui;

import app.rungs.cycle.service.ReviewCycles;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.CaseRow;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionService;
import app.rungs.promotion.service.PromotionSettingsService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Keyboard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Promotion cases the user may see, page by page: a manager their line's, an admin all, an engineer their own (and
 * the ones they review). Managers nominate from here; engineers nominate themselves.
 */
@Route("promotions")
@PageTitle("Promotions")
@Menu(order = 40, icon = "vaadin:trophy", title = "Promotions")
@PermitAll
@StyleSheet("styles/promotion.css")
public class PromotionsView extends Div {

    final Grid<CaseRow> grid = new Grid<>();
    final ComboBox<CaseStatus> status = new ComboBox<>();
    final ComboBox<String> targetLevel = new ComboBox<>();
    final ComboBox<String> cycle = new ComboBox<>();
    final TextField name = new TextField();
    final Button nominate = new Button("Nominate", VaadinIcon.PLUS.create());
    final Button nominateSelf = new Button("Nominate myself", VaadinIcon.USER_STAR.create());
    private final PromotionService promotions;
    private final PromotionQueries queries;

    public PromotionsView(
            PromotionService promotions,
            PromotionQueries queries,
            PromotionSettingsService settings,
            ReviewCycles cycles) {
        this.queries = queries;
        this.promotions = promotions;
        addClassNames("page", "page-full", "promotions-page");
        var user = CurrentUser.require();

        var title = new H1("Promotions");
        title.addClassName("page-title");
        var lead = new Paragraph(
                user.has(Role.ADMIN)
                        ? "Every promotion case of the organization."
                        : user.has(Role.MANAGER)
                                ? "Promotion cases of your reporting line, your own, and the ones you review."
                                : "Your promotion cases, and the ones you review.");
        lead.addClassName("muted");

        nominate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        nominate.setVisible(user.has(Role.MANAGER) || user.has(Role.ADMIN));
        nominate.addClickListener(e -> new NominateDialog(
                        promotions,
                        queries,
                        cycles,
                        user.has(Role.MANAGER) && user.personId() != null
                                ? NominateDialog.Mode.LINE
                                : NominateDialog.Mode.ANYONE)
                .open());
        var open = queries.myOpenCase();
        nominateSelf.setVisible(user.personId() != null && open.isEmpty());
        nominateSelf.addClickListener(
                e -> new NominateDialog(promotions, queries, cycles, NominateDialog.Mode.SELF).open());
        if (user.has(Role.MANAGER) || user.has(Role.ADMIN)) {
            nominateSelf.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        } else {
            nominateSelf.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        var spacer = new Span();
        spacer.addClassName("spacer");
        var header = new Div(new Div(title, lead), spacer, nominateSelf, nominate);
        header.addClassName("promotions-header");

        status.setPlaceholder("Status");
        status.setAriaLabel("Status");
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(CaseStatus::label);
        status.setClearButtonVisible(true);
        targetLevel.setPlaceholder("Target level");
        targetLevel.setAriaLabel("Target level");
        targetLevel.setItems(queries.targetLevels());
        targetLevel.setClearButtonVisible(true);
        cycle.setPlaceholder("Cycle");
        cycle.setAriaLabel("Cycle");
        cycle.setItems(queries.cycles());
        cycle.setClearButtonVisible(true);
        name.setPlaceholder("Engineer");
        name.setAriaLabel("Engineer");
        name.setPrefixComponent(VaadinIcon.SEARCH.create());
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        var filters = new Div(name, status, targetLevel, cycle);
        filters.addClassName("filter-bar");
        if (user.has(Role.ADMIN)) {
            filters.add(new VerdictSetting(settings));
        }

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(new ComponentRenderer<>(PromotionsView::engineer))
                .setHeader("Engineer")
                .setSortProperty("engineerName")
                .setFlexGrow(2);
        grid.addColumn(r -> r.currentLevelKey() + " → " + r.targetLevelKey())
                .setHeader("Levels")
                .setSortProperty("targetLevelKey")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> CaseBadges.status(r.status())))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CaseRow::cycle)
                .setHeader("Cycle")
                .setSortProperty("cycle")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CaseRow::nominatedByName).setHeader("Nominated by").setFlexGrow(1);
        grid.addColumn(r -> Formats.date(r.updatedAt()))
                .setHeader("Updated")
                .setSortProperty("updatedAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> queries.find(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, queries.count(filter())));
        grid.setEmptyStateText("No promotion cases match these filters.");
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        PromotionCaseView.class,
                        PromotionCaseView.parameters(e.getItem().id())));
        Keyboard.openRowsOnEnter(
                grid, row -> UI.getCurrent().navigate(PromotionCaseView.class, PromotionCaseView.parameters(row.id())));
        grid.setSizeFull();
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(status, targetLevel, cycle, name)) {
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        add(header, filters, grid);
    }

    CaseFilter filter() {
        return new CaseFilter(status.getValue(), targetLevel.getValue(), cycle.getValue(), name.getValue());
    }

    private static Component engineer(CaseRow r) {
        var name = new Span(r.engineerName());
        name.addClassName("case-engineer");
        var cell = new Div(name);
        cell.addClassName("case-engineer-cell");
        if (r.selfNominated()) {
            cell.add(Badges.badge("Self-nominated", "primary"));
        }
        return cell;
    }
}
