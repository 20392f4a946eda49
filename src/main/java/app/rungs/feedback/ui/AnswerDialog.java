package app.rungs.feedback.ui;

import app.rungs.feedback.domain.AskStatus;
import app.rungs.feedback.domain.Rating;
import app.rungs.feedback.service.AnswerForm;
import app.rungs.feedback.service.TopicAnswerInput;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The peer's form for one request: per topic an optional rating, the examples behind it (required with a rating) and
 * links they know; or a decline with a reason. A response is final, so both ask once more before sending.
 */
class AnswerDialog extends Dialog {

    private record Row(String key, Select<Rating> rating, TextArea examples, TextField links) {}

    private final FeedbackServices feedback;
    private final Runnable onDone;
    private final List<Row> rows = new ArrayList<>();

    AnswerDialog(FeedbackServices feedback, Long askId, Runnable onDone) {
        this.feedback = feedback;
        this.onDone = onDone;
        var form = feedback.answers().form(askId);
        setHeaderTitle("Feedback on " + form.subjectName());
        setWidth("min(46rem, 96vw)");
        addClassName("feedback-answer-dialog");
        var meta = Badges.muted("Asked by " + form.requesterName() + " · due " + Formats.dateTime(form.deadline()));
        add(new Div(meta));
        if (form.message() != null) {
            var message = new Paragraph("“" + form.message() + "”");
            message.addClassName("feedback-message");
            add(message);
        }
        if (form.status() == AskStatus.PENDING) {
            pending(form);
        } else {
            add(new Paragraph("You " + form.status().label().toLowerCase() + " this request; a response is final."));
            add(RequestCard.answers(feedback.queries().myAnswer(askId)));
            getFooter().add(new Button("Close", e -> close()));
        }
    }

    private void pending(AnswerForm form) {
        add(new Paragraph("Answer the topics you can speak to with examples of what you saw; leave the others"
                + " empty. Links to work you know (a design doc, a pull request) help the reader."));
        for (var topic : form.topics()) {
            var rating = new Select<Rating>();
            rating.setLabel("Rating (optional)");
            rating.setItems(Rating.values());
            rating.setItemLabelGenerator(r -> r == null ? "No rating" : r.label());
            rating.setEmptySelectionAllowed(true);
            rating.setEmptySelectionCaption("No rating");
            var examples = new TextArea("Examples");
            examples.setWidthFull();
            examples.setMaxLength(4000);
            examples.setPlaceholder("What did you see them do, and what came of it?");
            var links = new TextField("Links (optional, separated by spaces)");
            links.setWidthFull();
            links.setPlaceholder("https://…");
            var heading = new H3(topic.name());
            heading.addClassName("feedback-topic");
            var box = new Div(heading, rating, examples, links);
            box.addClassName("feedback-topic-box");
            add(box);
            int i = rows.size();
            rating.setId("feedback-rating-" + i);
            examples.setId("feedback-examples-" + i);
            links.setId("feedback-links-" + i);
            rows.add(new Row(topic.key(), rating, examples, links));
        }
        var send = new Button(
                "Send answer",
                e -> Confirm.ask(
                        "Send your answer?",
                        "Answers are final once sent: you cannot change them afterwards.",
                        "Send answer",
                        () -> send(form)));
        send.setId("feedback-send-answer");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var decline = new Button("Decline…", e -> decline(form));
        decline.setId("feedback-decline");
        getFooter().add(decline, new Button("Cancel", e -> close()), send);
    }

    private void send(AnswerForm form) {
        var input = rows.stream()
                .map(r -> new TopicAnswerInput(
                        r.key(),
                        r.rating().getValue(),
                        r.examples().getValue(),
                        Arrays.stream(r.links().getValue().split("\\s+"))
                                .filter(s -> !s.isBlank())
                                .toList()))
                .toList();
        if (Toasts.attempt(() -> feedback.answers().answer(form.askId(), form.version(), input))) {
            Toasts.success("Thanks — your answer was sent.");
            close();
            onDone.run();
        }
    }

    private void decline(AnswerForm form) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Decline this request");
        var reason = new TextArea("Reason");
        reason.setId("feedback-decline-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        reason.setHelperText("Whoever asked reads it, so they can ask someone else.");
        dialog.add(reason);
        var confirm = new Button("Decline request", e -> {
            if (Toasts.attempt(() -> feedback.answers().decline(form.askId(), form.version(), reason.getValue()))) {
                Toasts.success("You declined the request.");
                dialog.close();
                close();
                onDone.run();
            }
        });
        confirm.setId("feedback-decline-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }
}
