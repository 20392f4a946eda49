package app.rungs.privacy.ui;

import app.rungs.privacy.domain.RetentionKind;
import app.rungs.privacy.service.RetentionPolicyView;
import app.rungs.privacy.service.RetentionRunView;
import app.rungs.privacy.service.RetentionService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;

/**
 * Data retention for admins: how long each kind of personal data is kept (or forever), the last run of the retention
 * job with what it did per kind, and "Run now".
 */
@Route("admin/privacy/retention")
@PageTitle("Data retention")
@Menu(order = 91, icon = "vaadin:time-backward", title = "Data retention")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet("styles/privacy.css")
public class RetentionView extends Div {

    private final RetentionService retention;
    private final String schedule;
    final Map<RetentionKind, PolicyRow> rows = new HashMap<>();
    final Div lastRun = new Div();
    final Button runNow = new Button("Run now", VaadinIcon.PLAY.create());

    public RetentionView(RetentionService retention, @Value("${rungs.retention.cron:0 30 2 * * *}") String schedule) {
        this.retention = retention;
        this.schedule = schedule;
        addClassNames("page", "retention-page");
        var title = new H1("Data retention");
        title.addClassName("page-title");
        var intro = new Paragraph("How long Rungs keeps each kind of personal data. A job applies these periods "
                + (schedule.equals("-")
                        ? "only when you run it (the schedule is off)"
                        : "on the schedule \"" + schedule + "\" (Spring cron: second minute hour day month weekday)")
                + ", in small batches, and records what it deleted in the audit log. Change the schedule with the"
                + " setting rungs.retention.cron.");
        intro.addClassName("muted");
        var policies = new Div();
        policies.addClassName("retention-policies");
        for (var policy : retention.policies()) {
            var row = new PolicyRow(policy);
            rows.put(policy.kind(), row);
            policies.add(row);
        }
        policies.add(auditRow());
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.setId("retention-run-now");
        runNow.addClickListener(e -> runNow());
        lastRun.setId("retention-last-run");
        add(title, intro, new Card("Retention periods", policies), new Card("Last run", lastRun, runNow));
        showLastRun(retention.lastRun().orElse(null));
    }

    private void runNow() {
        try {
            var run = retention.run();
            showLastRun(run);
            if (run.flagged()) {
                Toasts.warning("Retention run finished; one kind needs your attention.");
            } else {
                Toasts.success("Retention run finished.");
            }
        } catch (ValidationException e) {
            Toasts.error(String.join(" ", e.problems()));
        }
    }

    private void showLastRun(RetentionRunView run) {
        lastRun.removeAll();
        if (run == null) {
            lastRun.add(new Paragraph("The retention job has not run yet."));
            return;
        }
        var when = new Paragraph("Started " + Formats.dateTime(run.startedAt()) + ", finished "
                + Formats.dateTime(run.finishedAt()) + ", by " + run.triggeredBy() + ".");
        when.addClassName("muted");
        lastRun.add(when);
        for (var r : run.results()) {
            var count = new Span(String.valueOf(r.affected()));
            count.addClassName("retention-count");
            var label = new Span(r.kind().label());
            label.addClassName("retention-result-kind");
            var note = new Span(r.note());
            note.addClassName("retention-result-note");
            var line = new Div(count, label, note);
            line.addClassName("retention-result");
            if (r.flagged()) {
                line.addClassName("flagged");
                line.addComponentAsFirst(VaadinIcon.WARNING.create());
            }
            lastRun.add(line);
        }
    }

    private static Component auditRow() {
        var name = new H3("Audit log");
        var text = new Paragraph("Kept forever by design: the audit log is append-only and tamper-evident, so no"
                + " retention period applies and no job deletes from it.");
        text.addClassName("muted");
        var forever = Badges.badge("Forever", null);
        forever.addClassName("retention-fixed");
        var row = new Div(new Div(name, text), forever);
        row.addClassNames("retention-policy", "retention-policy-fixed");
        return row;
    }

    /** One kind: its period (or "keep forever") and a save button; shows who changed it last. */
    final class PolicyRow extends Div {

        final IntegerField keepFor = new IntegerField();
        final Checkbox forever = new Checkbox("Keep forever");
        final Button save = new Button("Save");
        final Span changed = new Span();
        private RetentionPolicyView policy;

        PolicyRow(RetentionPolicyView policy) {
            addClassName("retention-policy");
            var kind = policy.kind();
            setId("retention-" + kind.name().toLowerCase().replace('_', '-'));
            var name = new H3(kind.label());
            var text = new Paragraph(
                    kind.description() + " Default: " + kind.unit().of(kind.defaultKeepFor()) + ".");
            text.addClassName("muted");
            changed.addClassName("muted");
            keepFor.setLabel("Keep for");
            keepFor.setSuffixComponent(new Span(kind.unit().label()));
            keepFor.setStepButtonsVisible(true);
            keepFor.setWidth("11em");
            forever.addValueChangeListener(e -> keepFor.setEnabled(!e.getValue()));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            var fields = new Div(keepFor, forever, save);
            fields.addClassName("retention-fields");
            add(new Div(name, text, changed), fields);
            show(policy);
        }

        private void show(RetentionPolicyView p) {
            policy = p;
            forever.setValue(p.keepFor() == null);
            keepFor.setValue(p.keepFor());
            keepFor.setEnabled(p.keepFor() != null);
            keepFor.setInvalid(false);
            changed.setText(
                    p.updatedBy() == null
                            ? "Default period."
                            : "Changed by " + p.updatedBy() + " on " + Formats.dateTime(p.updatedAt()) + ".");
        }

        void save() {
            Integer value = forever.getValue() ? null : keepFor.getValue();
            if (!forever.getValue() && value == null) {
                keepFor.setInvalid(true);
                keepFor.setErrorMessage(
                        "Enter a whole number of " + policy.kind().unit().label() + ", or choose \"Keep forever\".");
                return;
            }
            try {
                show(retention.update(policy.kind(), policy.version(), value));
                Toasts.success(
                        policy.kind().label() + ": kept " + policy.period().toLowerCase() + ".");
            } catch (ValidationException e) {
                keepFor.setInvalid(true);
                keepFor.setErrorMessage(String.join(" ", e.problems()));
            } catch (ConcurrentEditException e) {
                Toasts.error(e.getMessage());
                retention.policies().stream()
                        .filter(p -> p.kind() == policy.kind())
                        .findFirst()
                        .ifPresent(this::show);
            }
        }
    }
}
