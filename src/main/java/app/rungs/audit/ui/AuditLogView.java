package app.rungs.audit.ui;

import app.rungs.audit.service.AuditEntry;
import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.Role;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The audit log for admins: every change and sign-in, newest first, filterable, loaded page by page. */
@Route("admin/audit")
@PageTitle("Audit log")
@Menu(order = 90, icon = "vaadin:records", title = "Audit log")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditLogView extends Div {

    final Grid<AuditEntry> grid = new Grid<>();
    final TextField actor = new TextField();
    final ComboBox<String> action = new ComboBox<>();
    final ComboBox<String> objectType = new ComboBox<>();
    final TextField text = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    private final AuditService audit;

    public AuditLogView(AuditService audit) {
        this.audit = audit;
        addClassNames("page", "page-full");
        var title = new H1("Audit log");
        title.addClassName("page-title");

        actor.setPlaceholder("Who");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setPrefixComponent(VaadinIcon.USER.create());
        action.setPlaceholder("Action");
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        objectType.setPlaceholder("Object type");
        objectType.setItems(audit.objectTypes());
        objectType.setClearButtonVisible(true);
        text.setPlaceholder("Search summary or object id");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        from.setPlaceholder("From");
        from.setClearButtonVisible(true);
        to.setPlaceholder("To");
        to.setClearButtonVisible(true);
        var reset = new Button("Clear filters", e -> {
            actor.clear();
            action.clear();
            objectType.clear();
            text.clear();
            from.clear();
            to.clear();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new Div(actor, action, objectType, text, from, to, reset);
        filters.addClassName("filter-bar");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader("When")
                .setSortProperty("occurredAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor)
                .setHeader("Who")
                .setSortProperty("actor")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::action)
                .setHeader("Action")
                .setSortProperty("action")
                .setAutoWidth(true);
        grid.addColumn(e -> e.objectType() == null
                        ? ""
                        : e.objectType() + (e.objectId() == null ? "" : " #" + e.objectId()))
                .setHeader("Object")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::summary).setHeader("Summary").setFlexGrow(1);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(AuditLogView::details));
        grid.setItems(
                query -> {
                    var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
                    var sort = page.getSort().isSorted()
                            ? page.getSort().and(Sort.by(Sort.Direction.DESC, "id"))
                            : Sort.by(Sort.Direction.DESC, "occurredAt", "id");
                    return audit
                            .find(filter(), PageRequest.of(page.getPageNumber(), page.getPageSize(), sort))
                            .stream();
                },
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(filter())));
        grid.setSizeFull();

        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {actor, action, objectType, text, from, to}) {
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        add(title, filters, grid);
    }

    AuditFilter filter() {
        return new AuditFilter(
                actor.getValue(),
                action.getValue(),
                objectType.getValue(),
                text.getValue(),
                from.getValue(),
                to.getValue());
    }

    private static Component details(AuditEntry e) {
        var box = new Div();
        box.addClassName("audit-details");
        if (e.beforeState() == null && e.afterState() == null) {
            box.add(new Span("No recorded state for this event."));
            return box;
        }
        if (e.beforeState() != null) {
            box.add(labelled("Before", e.beforeState()));
        }
        if (e.afterState() != null) {
            box.add(labelled("After", e.afterState()));
        }
        return box;
    }

    private static Component labelled(String label, String json) {
        var caption = new Span(label);
        caption.addClassName("audit-caption");
        var pre = new Pre(json);
        return new Div(caption, pre);
    }
}
