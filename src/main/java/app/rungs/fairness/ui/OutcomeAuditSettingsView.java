package app.rungs.fairness.ui;

import app.rungs.fairness.service.DemographicsAccess;
import app.rungs.fairness.service.DemographicsHolder;
import app.rungs.fairness.service.OutcomeAuditSettingsService;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Admins' outcome audit settings: the minimum group size below which groups are suppressed everywhere, whether people
 * may enter self-reported demographics (off by default), and which admins hold the explicit permission to see
 * breakdowns by them (granted by another admin). Every change is audited.
 */
@Route("admin/outcome-audit")
@PageTitle("Outcome audit & demographics")
@Menu(order = 97, icon = "vaadin:scale", title = "Demographics")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet("styles/fairness.css")
public class OutcomeAuditSettingsView extends Div {

    private final OutcomeAuditSettingsService settings;
    private final DemographicsAccess access;
    final IntegerField minimum = new IntegerField("Minimum group size");
    final Button saveMinimum = new Button("Save");
    final Checkbox recorded = new Checkbox("Record self-reported demographics");
    final Grid<DemographicsHolder> holders = new Grid<>();
    private long version;

    public OutcomeAuditSettingsView(OutcomeAuditSettingsService settings, DemographicsAccess access) {
        this.settings = settings;
        this.access = access;
        addClassNames("page", "fairness-settings");
        var title = new H1("Outcome audit & demographics");
        title.addClassName("page-title");

        minimum.setId("minimum-group-size");
        minimum.setMin(2);
        minimum.setMax(100);
        minimum.setStepButtonsVisible(true);
        minimum.setWidth("18rem");
        minimum.setHelperText("Groups with fewer people are shown as \"fewer than N\" in every breakdown and export.");
        saveMinimum.setId("save-minimum-group-size");
        saveMinimum.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveMinimum.addClickListener(e -> saveMinimum());
        var row = new Div(minimum, saveMinimum);
        row.addClassName("setting-row");

        recorded.setId("record-demographics");
        recorded.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                Toasts.attempt(() -> settings.recordDemographics(e.getValue(), version));
                load();
            }
        });
        var recordHint = new Paragraph("When on, everyone may answer gender and ethnic minority on their own profile"
                + " (every question optional, \"prefer not to say\" allowed). No one can read another person's"
                + " answers; they appear only as suppressed aggregates in the outcome audit, to the admins below.");
        recordHint.addClassName("demographics-hint");

        holders.setId("demographics-holders");
        holders.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        holders.setAllRowsVisible(true);
        holders.addColumn(DemographicsHolder::displayName).setHeader("Admin").setFlexGrow(2);
        holders.addColumn(h ->
                        h.granted() ? "Granted by " + h.grantedBy() + ", " + Formats.dateTime(h.grantedAt()) : "No")
                .setHeader("May see demographic breakdowns")
                .setFlexGrow(3);
        holders.addComponentColumn(this::action).setHeader("").setFlexGrow(0).setWidth("9rem");
        var permissionHint = new Paragraph("Being an admin is not enough to see breakdowns by demographic attributes:"
                + " another admin grants the permission (no one grants it to themselves). Grants and revocations are"
                + " audited.");
        permissionHint.addClassName("demographics-hint");

        add(
                title,
                new Card("Small groups", row),
                new Card("Demographics", recorded, recordHint),
                new Card("Permission to see demographic breakdowns", permissionHint, holders));
        load();
    }

    private Component action(DemographicsHolder h) {
        boolean me = h.accountId().equals(CurrentUser.require().accountId());
        if (h.granted()) {
            var revoke = new Button("Revoke", e -> {
                Toasts.attempt(() -> access.revoke(h.accountId()));
                load();
            });
            revoke.setId("revoke-demographics-" + h.accountId());
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setAriaLabel("Revoke " + h.displayName() + "'s permission");
            return revoke;
        }
        if (me) {
            var self = new Span("Another admin grants it");
            self.addClassName("demographics-hint");
            return self;
        }
        var grant = new Button("Grant", e -> {
            if (Toasts.attempt(() -> access.grant(h.accountId()))) {
                Toasts.success(h.displayName() + " may now see demographic breakdowns");
            }
            load();
        });
        grant.setId("grant-demographics-" + h.accountId());
        grant.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        grant.setAriaLabel("Grant " + h.displayName() + " the permission");
        return grant;
    }

    private void saveMinimum() {
        var value = minimum.getValue();
        if (value == null || minimum.isInvalid()) {
            Toasts.error("Enter the minimum group size as a whole number from 2 to 100.");
            return;
        }
        if (Toasts.attempt(() -> settings.changeMinimumGroupSize(value, version))) {
            Toasts.success("Groups smaller than " + value + " are now suppressed");
        }
        load();
    }

    private void load() {
        var s = settings.settings();
        version = s.version();
        minimum.setValue(s.minimumGroupSize());
        recorded.setValue(s.demographicsRecorded());
        holders.setItems(access.admins());
    }
}
