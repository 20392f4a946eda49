package app.rungs.feedback.ui;

import app.rungs.feedback.domain.FeedbackScope;
import app.rungs.feedback.service.NewFeedbackRequest;
import app.rungs.feedback.service.PickOption;
import app.rungs.feedback.service.Topic;
import app.rungs.people.service.Colleague;
import app.rungs.people.service.LineQuery;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Asking colleagues for feedback: about oneself, or (a manager) about someone in their reporting line; on chosen
 * competencies of that person's path, one evidence item or one promotion case. Peers are found by name, a page at a
 * time, never from a list of everyone.
 */
class AskDialog extends Dialog {

    record Subject(Long id, String name) {}

    final ComboBox<Subject> subject = new ComboBox<>("About");
    final RadioButtonGroup<FeedbackScope> scope = new RadioButtonGroup<>("On");
    final MultiSelectComboBox<Topic> competencies = new MultiSelectComboBox<>("Competencies");
    final ComboBox<PickOption> evidence = new ComboBox<>("Evidence item");
    final ComboBox<PickOption> promotionCase = new ComboBox<>("Promotion case");
    final MultiSelectComboBox<Colleague> peers = new MultiSelectComboBox<>("Colleagues to ask");
    final DatePicker deadline = Formats.localize(new DatePicker("Answers due by"));
    final TextField cycle = new TextField("Cycle (optional)");
    final TextArea message = new TextArea("Message to them");
    private final FeedbackServices feedback;
    private final Runnable onSent;

    AskDialog(FeedbackServices feedback, Long preselected, Runnable onSent) {
        this.feedback = feedback;
        this.onSent = onSent;
        setHeaderTitle("Ask for feedback");
        setWidth("min(44rem, 96vw)");
        var me = CurrentUser.require().personId();
        boolean manager = CurrentUser.require().has(Role.MANAGER);
        subject.setId("feedback-subject");
        subject.setItemLabelGenerator(Subject::name);
        subject.setWidthFull();
        // "Myself" first, then the manager's reporting line searched by name a page at a time in SQL: a director's
        // line can hold tens of thousands of people, so it is never loaded whole.
        subject.setItems(query -> {
            var text = query.getFilter().orElse("");
            int offset = query.getOffset();
            int limit = query.getLimit();
            var page = new ArrayList<Subject>();
            if (me != null && text.isBlank()) {
                if (offset == 0) {
                    page.add(new Subject(me, "Myself"));
                    limit--;
                } else {
                    offset--;
                }
            }
            if (manager && limit > 0) {
                feedback
                        .directory()
                        .cards(feedback.people().myLinePage(LineQuery.named(text), offset, limit))
                        .values()
                        .stream()
                        .map(c -> new Subject(c.id(), c.fullName()))
                        .forEach(page::add);
            }
            return page.stream();
        });
        var chosen = preselected == null ? me : preselected;
        if (chosen != null && chosen.equals(me)) {
            subject.setValue(new Subject(me, "Myself"));
        } else if (chosen != null) {
            feedback.directory()
                    .card(chosen)
                    .map(c -> new Subject(c.id(), c.fullName()))
                    .ifPresent(subject::setValue);
        }

        scope.setItems(FeedbackScope.values());
        scope.setItemLabelGenerator(s -> switch (s) {
            case COMPETENCIES -> "Competencies";
            case EVIDENCE -> "One evidence item";
            case CASE -> "One promotion case";
        });
        scope.setValue(FeedbackScope.COMPETENCIES);
        competencies.setId("feedback-competencies");
        competencies.setItemLabelGenerator(Topic::name);
        competencies.setWidthFull();
        evidence.setItemLabelGenerator(PickOption::label);
        evidence.setWidthFull();
        promotionCase.setItemLabelGenerator(PickOption::label);
        promotionCase.setWidthFull();

        peers.setId("feedback-peers");
        peers.setItemLabelGenerator(Colleague::label);
        peers.setPlaceholder("Type a name");
        peers.setWidthFull();
        peers.setItems(query ->
                feedback
                        .requests()
                        .peerCandidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                        .stream());

        deadline.setId("feedback-deadline");
        deadline.setMin(Formats.today().plusDays(1));
        deadline.setValue(Formats.today().plusDays(14));
        deadline.setHelperText("Answers are due by the end of that day.");
        cycle.setPlaceholder("2026-H2");
        cycle.setMaxLength(20);
        message.setId("feedback-message");
        message.setWidthFull();
        message.setMaxLength(2000);

        subject.addValueChangeListener(e -> loadOptions());
        scope.addValueChangeListener(e -> showScope());
        var form =
                new FormLayout(subject, scope, competencies, evidence, promotionCase, peers, deadline, cycle, message);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        loadOptions();
        showScope();

        var send = new Button("Send request", e -> send());
        send.setId("feedback-send-request");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), send);
    }

    private void loadOptions() {
        var s = subject.getValue();
        competencies.clear();
        evidence.clear();
        promotionCase.clear();
        competencies.setItems(s == null ? List.of() : feedback.requests().competencies(s.id()));
        evidence.setItems(s == null ? List.of() : feedback.requests().evidenceOptions(s.id()));
        promotionCase.setItems(s == null ? List.of() : feedback.requests().caseOptions(s.id()));
    }

    private void showScope() {
        competencies.setVisible(scope.getValue() == FeedbackScope.COMPETENCIES);
        evidence.setVisible(scope.getValue() == FeedbackScope.EVIDENCE);
        promotionCase.setVisible(scope.getValue() == FeedbackScope.CASE);
    }

    private void send() {
        var s = subject.getValue();
        var due = deadline.getValue() == null
                ? null
                : deadline.getValue()
                        .atTime(LocalTime.of(23, 59))
                        .atZone(Formats.zone())
                        .toInstant();
        var request = new NewFeedbackRequest(
                s == null ? null : s.id(),
                scope.getValue(),
                competencies.getSelectedItems().stream().map(Topic::key).toList(),
                evidence.getValue() == null ? null : evidence.getValue().id(),
                promotionCase.getValue() == null
                        ? null
                        : promotionCase.getValue().id(),
                peers.getSelectedItems().stream().map(Colleague::id).toList(),
                due,
                cycle.getValue(),
                message.getValue());
        if (Toasts.attempt(() -> feedback.requests().request(request))) {
            int n = peers.getSelectedItems().size();
            Toasts.success("Asked " + n + (n == 1 ? " colleague." : " colleagues."));
            close();
            onSent.run();
        }
    }
}
