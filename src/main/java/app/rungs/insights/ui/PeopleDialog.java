package app.rungs.insights.ui;

import app.rungs.insights.service.InsightFilter;
import app.rungs.insights.service.InsightPeople;
import app.rungs.insights.service.InsightRows.PersonRow;
import app.rungs.insights.service.Selection;
import app.rungs.people.ui.PersonView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/**
 * The people behind a chart item: a lazy grid (pages of 50 read in SQL over the viewer's scope), names link to the
 * person page.
 */
final class PeopleDialog extends Dialog {

    final Grid<PersonRow> grid = new Grid<>();

    PeopleDialog(InsightPeople people, InsightFilter filter, Selection selection, String title) {
        setHeaderTitle(title);
        setId("insight-people");
        setWidth("min(48rem, 95vw)");
        long count = people.count(filter, selection);
        var summary = new Paragraph(count == 1 ? "1 person" : count + " people");
        summary.addClassName("insight-people-count");
        grid.setPageSize(50);
        grid.addComponentColumn(p ->
                        new RouterLink(p.name(), PersonView.class, new RouteParameters("id", String.valueOf(p.id()))))
                .setHeader("Name")
                .setFlexGrow(2);
        grid.addColumn(p -> p.team() == null ? "No team" : p.team()).setHeader("Team");
        grid.addColumn(PersonRow::levelKey).setHeader("Level");
        grid.addColumn(p -> p.daysInLevel() == null ? "" : InsightsView.months(p.daysInLevel()) + " mo")
                .setHeader("Time in level");
        grid.setItems(new CallbackDataProvider<PersonRow, Void>(
                q -> people.page(filter, selection, q.getOffset(), q.getLimit()).stream(), q -> (int) count));
        grid.setHeight("24rem");
        grid.setEmptyStateText("Nobody you can see is behind this item.");
        add(summary, grid);
        var close = new Button("Close", e -> close());
        getFooter().add(close);
    }
}
