package app.rungs.checkin.ui;

import app.rungs.checkin.domain.CheckInStatus;
import app.rungs.checkin.domain.Side;
import app.rungs.checkin.service.CheckInDetails;
import app.rungs.checkin.service.CheckInRoutes;
import app.rungs.checkin.service.LinkedEvidence;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * One check-in for one of its two participants: rating blind (own ratings only, with who has submitted), then both
 * sides' ratings compared with disagreements highlighted, the manager recording the agreed outcome, and the
 * engineer acknowledging it. Everything the page shows comes from {@code CheckInReads.details}, which enforces the
 * blind rule.
 */
@Route(CheckInRoutes.DETAIL)
@PermitAll
@StyleSheet("styles/checkins.css")
public class CheckInView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CheckInServices services;
    CheckInDetails details;
    RatingForm form;
    ComparisonTable comparison;

    public CheckInView(CheckInServices services) {
        this.services = services;
        addClassNames("page", "checkin-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id =
                event.getRouteParameters().getLong("id").orElseThrow(() -> new NotFoundException("Check-in not found"));
        details = services.reads().details(id);
        render();
    }

    @Override
    public String getPageTitle() {
        return details == null ? "Check-in" : "Check-in of " + details.engineerName();
    }

    private void reload(String message) {
        details = services.reads().details(details.id());
        render();
        if (message != null) {
            Toasts.success(message);
        }
    }

    void render() {
        removeAll();
        form = null;
        comparison = null;
        var back = new RouterLink("All check-ins", CheckInsView.class);
        back.addClassName("checkin-back");
        var title = new H1("Check-in of " + details.engineerName());
        title.addClassName("page-title");
        var meta = new Paragraph("With " + details.managerName()
                + (details.cycle() == null ? "" : " · " + details.cycle())
                + " · against " + details.targetLevelKey() + " · " + details.ladderName() + " version "
                + details.ladderVersion()
                + (details.agreedAt() == null ? " · due " + Formats.date(details.dueAt()) : ""));
        meta.addClassName("muted");
        add(back, title, meta, progress());
        switch (details.status()) {
            case RATING -> rating();
            case READY_TO_COMPARE, AGREED -> compare();
        }
    }

    private Component progress() {
        var box = new Div(
                sideChip("Engineer", details.engineerName(), details.engineerSubmittedAt() != null),
                sideChip("Manager", details.managerName(), details.managerSubmittedAt() != null),
                Badges.badge(
                        details.status().label(),
                        details.status() == CheckInStatus.AGREED
                                ? "success"
                                : details.status() == CheckInStatus.READY_TO_COMPARE ? "primary" : "contrast"));
        box.setId("check-in-progress");
        box.addClassName("checkin-progress");
        return box;
    }

    private static Component sideChip(String role, String name, boolean submitted) {
        var chip = Badges.badge(
                role + ": " + name + (submitted ? " · submitted" : " · rating"), submitted ? "success" : "");
        chip.getElement().setAttribute("data-submitted", String.valueOf(submitted));
        return chip;
    }

    private void rating() {
        boolean mine = !details.submitted(details.mySide());
        var banner = new Div();
        banner.setId("check-in-banner");
        banner.addClassName("checkin-banner");
        if (mine) {
            banner.add(new Span(
                    details.submitted(details.mySide().other())
                            ? details.otherName() + " has submitted. Their ratings stay hidden until you submit yours."
                            : "Rate each competency on your own. " + details.otherName()
                                    + "'s ratings stay hidden until you both have submitted."));
        } else {
            banner.addClassName("waiting");
            banner.add(new Span("Waiting for " + details.otherName()
                    + ". You see both sides' ratings once they have submitted theirs."));
        }
        add(banner);
        List<LinkedEvidence> options = mine ? services.reads().evidenceOptions(details.id()) : List.of();
        form = new RatingForm(details, options, mine);
        add(form);
        if (mine) {
            var save = new Button("Save draft", e -> saveDraft());
            save.setId("check-in-save");
            var submit = new Button("Submit my ratings", VaadinIcon.CHECK.create(), e -> submit());
            submit.setId("check-in-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var bar = new Div(save, submit);
            bar.addClassName("checkin-actions");
            add(bar);
        }
    }

    void saveDraft() {
        Toasts.attempt(
                () -> {
                    services.checkIns().saveDraft(details.id(), details.myVersion(), form.values());
                    reload("Draft saved. Only you can see it.");
                },
                conflict -> reload(null));
    }

    void submit() {
        Toasts.attempt(
                () -> {
                    services.checkIns().submit(details.id(), details.myVersion(), form.values());
                    reload("Your ratings are submitted.");
                },
                conflict -> reload(null));
    }

    private void compare() {
        var banner = new Div();
        banner.setId("check-in-banner");
        banner.addClassName("checkin-banner");
        long apart = details.disagreements();
        var count = apart == 0
                ? "You rated every competency the same."
                : apart + (apart == 1 ? " competency" : " competencies") + " rated differently, highlighted below.";
        if (details.status() == CheckInStatus.AGREED) {
            banner.addClassName("agreed");
            banner.add(new Span("Agreed " + Formats.date(details.agreedAt()) + " by " + details.agreedBy()
                    + "; frozen against " + details.ladderName() + " version " + details.ladderVersion() + "."
                    + (details.acknowledgedAt() == null
                            ? ""
                            : " Acknowledged by " + details.engineerName() + " "
                                    + Formats.date(details.acknowledgedAt()) + ".")));
        } else if (details.mySide() == Side.MANAGER) {
            banner.add(new Span("Both have submitted. " + count
                    + " Talk it through, then record the outcome you agreed for each competency."));
        } else {
            banner.add(new Span("Both have submitted. " + count + " Waiting for " + details.managerName()
                    + " to record the outcome you agree on."));
        }
        add(banner);
        comparison = new ComparisonTable(details);
        add(comparison);
        if (details.agreementNote() != null) {
            var note = new Paragraph("Agreement note: " + details.agreementNote());
            note.addClassName("checkin-agreement-note");
            add(note);
        }
        if (details.status() == CheckInStatus.READY_TO_COMPARE && details.mySide() == Side.MANAGER) {
            var note = new TextArea("Agreement note (optional)");
            note.setId("agreement-note");
            note.setMaxLength(2000);
            note.setWidthFull();
            var agree = new Button("Record agreement", VaadinIcon.HANDSHAKE.create(), e -> agree(note.getValue()));
            agree.setId("check-in-agree");
            agree.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var bar = new Div(agree);
            bar.addClassName("checkin-actions");
            add(note, bar);
        }
        if (details.status() == CheckInStatus.AGREED
                && details.mySide() == Side.ENGINEER
                && details.acknowledgedAt() == null) {
            var ack = new Button(
                    "Acknowledge",
                    VaadinIcon.CHECK.create(),
                    e -> Toasts.attempt(
                            () -> {
                                services.checkIns().acknowledge(details.id(), details.version());
                                reload("Acknowledged.");
                            },
                            conflict -> reload(null)));
            ack.setId("check-in-acknowledge");
            ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var bar = new Div(ack);
            bar.addClassName("checkin-actions");
            add(bar);
        }
    }

    void agree(String note) {
        Toasts.attempt(
                () -> {
                    services.checkIns().agree(details.id(), details.version(), comparison.values(), note);
                    reload("Agreed. The check-in is frozen.");
                },
                conflict -> reload(null));
    }
}
