package app.rungs.feedback.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.EmptyState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;

/**
 * The person page's "Feedback" tab, for the person and those above them (and their case's readers): each request
 * about them as the service lets the viewer see it.
 */
@org.springframework.stereotype.Component
class PersonFeedbackTab implements PersonPageTab {

    private final FeedbackServices feedback;

    PersonFeedbackTab(FeedbackServices feedback) {
        this.feedback = feedback;
    }

    @Override
    public String label() {
        return "Feedback";
    }

    @Override
    public int order() {
        return 24;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return feedback.queries().mayReadAbout(person.id());
    }

    @Override
    public Component create(PersonDetails person) {
        // Person tabs are not routes, so the page's stylesheet annotation cannot carry ours.
        com.vaadin.flow.component.UI.getCurrent().getPage().addStyleSheet("styles/feedback.css");
        var box = new Div();
        box.addClassName("feedback-tab");
        box.setId("person-feedback");
        render(box, person);
        return box;
    }

    private void render(Div box, PersonDetails person) {
        box.removeAll();
        var views = feedback.queries().about(person.id());
        Button ask = null;
        if (feedback.requests().mayAskAbout(person.id())) {
            ask = new Button(
                    "Ask for feedback", e -> new AskDialog(feedback, person.id(), () -> render(box, person)).open());
            ask.setId("person-feedback-ask");
        }
        if (views.isEmpty()) {
            boolean self = person.id().equals(CurrentUser.require().personId());
            box.add(EmptyState.of(
                    "No peer feedback to show",
                    self
                            ? "Feedback about you shows here as your organization chooses."
                            : "Ask colleagues who worked with " + person.fullName() + " what they saw.",
                    ask == null ? new Component[0] : new Component[] {ask}));
            return;
        }
        if (ask != null) {
            box.add(new Div(ask));
        }
        views.forEach(v -> box.add(RequestCard.of(v)));
    }
}
