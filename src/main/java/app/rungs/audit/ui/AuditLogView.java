package app.rungs.audit.ui;

import app.rungs.audit.service.AuditChainService;
import app.rungs.audit.service.AuditEntry;
import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditLogReader;
import app.rungs.audit.service.AuditName;
import app.rungs.audit.service.AuditRow;
import app.rungs.audit.service.AuditService;
import app.rungs.audit.service.ChainCheckSummary;
import app.rungs.audit.service.ChainReport;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The audit log for admins: every change and sign-in, newest first, filterable, loaded page by page. */
@Route("admin/audit")
@PageTitle("Audit log")
@Menu(order = 90, icon = "vaadin:records", title = "Audit log")
@RolesAllowed(AppRoles.ADMIN)
public class AuditLogView extends Div {

    final Grid<AuditRow> grid = new Grid<>();
    final TextField actor = new TextField();
    final ComboBox<String> action = new ComboBox<>();
    final ComboBox<String> objectType = new ComboBox<>();
    final TextField text = new TextField();
    final DatePicker from = Formats.localize(new DatePicker());
    final DatePicker to = Formats.localize(new DatePicker());
    final Button verify = new Button("Verify audit chain", VaadinIcon.CHECK_CIRCLE_O.create());
    final Div chainStatus = new Div();
    private final AuditService audit;
    private final AuditLogReader reader;
    private final AuditChainService chain;

    public AuditLogView(AuditService audit, AuditLogReader reader, AuditChainService chain) {
        this.audit = audit;
        this.reader = reader;
        this.chain = chain;
        addClassNames("page", "page-full");
        var title = new H1("Audit log");
        title.addClassName("page-title");

        actor.setPlaceholder("Who");
        actor.setAriaLabel("Who");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setPrefixComponent(VaadinIcon.USER.create());
        action.setPlaceholder("Action");
        action.setAriaLabel("Action");
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        objectType.setPlaceholder("Object type");
        objectType.setAriaLabel("Object type");
        objectType.setItems(audit.objectTypes());
        objectType.setClearButtonVisible(true);
        text.setPlaceholder("Search summary or object id");
        text.setAriaLabel("Search summary or object id");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        from.setPlaceholder("From");
        from.setAriaLabel("From");
        from.setClearButtonVisible(true);
        to.setPlaceholder("To");
        to.setAriaLabel("To");
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

        // The summary is what an admin reads: it gets the room and wraps; names are links, never cut off.
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("audit-grid");
        grid.addColumn(r -> Formats.dateTime(r.entry().occurredAt()))
                .setHeader("When")
                .setSortProperty("occurredAt")
                .setWidth("12.5rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> link(r.who(), null)))
                .setHeader("Who")
                .setSortProperty("actor")
                .setWidth("11rem")
                .setFlexGrow(0);
        grid.addColumn(r -> r.entry().action())
                .setHeader("Action")
                .setSortProperty("action")
                .setWidth("16rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> link(r.object(), r.entry().objectType())))
                .setHeader("Object")
                .setWidth("13rem")
                .setFlexGrow(0);
        grid.addColumn(r -> r.entry().redacted()
                        ? r.entry().summary() + " [redacted by erasure]"
                        : r.entry().summary())
                .setHeader("Summary")
                .setWidth("20rem")
                .setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(r -> details(r.entry())));
        grid.setItems(
                query -> {
                    var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
                    var sort = page.getSort().isSorted()
                            ? page.getSort().and(Sort.by(Sort.Direction.DESC, "id"))
                            : Sort.by(Sort.Direction.DESC, "occurredAt", "id");
                    return reader
                            .find(filter(), PageRequest.of(page.getPageNumber(), page.getPageSize(), sort))
                            .stream();
                },
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(filter())));
        grid.setSizeFull();

        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {actor, action, objectType, text, from, to}) {
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        verify.addClickListener(e -> showReport(chain.verifyNow()));
        verify.setTooltipText("Recomputes every event's SHA-256 hash and checks each link of the chain");
        chainStatus.addClassName("audit-chain-status");
        chainStatus.getElement().setAttribute("role", "status");
        chain.lastCheck().ifPresent(this::showLastCheck);
        var header = new Div(title, verify);
        header.addClassName("audit-header");
        header.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-m)");
        add(header, chainStatus, filters, grid);
    }

    void showReport(ChainReport report) {
        chainStatus.removeAll();
        chainStatus.setText(report.message());
        style(report.intact());
        grid.getDataProvider().refreshAll();
    }

    private void showLastCheck(ChainCheckSummary last) {
        // A broken result stays visible to every admin, including admins without a person to notify.
        if (!last.intact()) {
            chainStatus.setText("Last check (" + last.kind().name().toLowerCase(Locale.ROOT) + ", "
                    + Formats.dateTime(last.checkedAt()) + "): " + last.message());
            style(false);
        }
    }

    private void style(boolean intact) {
        chainStatus
                .getStyle()
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-s) 0")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("color", intact ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                .set("background", intact ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)");
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

    /** A name, linked to its page when it has one; the object's type above it in small print. */
    private static Component link(AuditName name, String type) {
        Component main;
        if (name.path() == null) {
            main = new Span(name.label());
        } else {
            var anchor = new Anchor(name.path(), name.label());
            anchor.addClassName("audit-link");
            main = anchor;
        }
        if (type == null || name.label().startsWith(type)) {
            return main;
        }
        var kind = new Span(type);
        kind.addClassName("audit-object-type");
        kind.getStyle()
                .set("display", "block")
                .set("font-size", "var(--lumo-font-size-xxs)")
                .set("color", "var(--lumo-secondary-text-color)");
        var box = new Div(kind, main);
        box.addClassName("audit-object");
        return box;
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
