package app.rungs.feedback.ui;

import app.rungs.feedback.service.FeedbackAnswers;
import app.rungs.feedback.service.FeedbackQueries;
import app.rungs.feedback.service.FeedbackRequests;
import app.rungs.feedback.service.FeedbackSettingsService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import org.springframework.stereotype.Component;

/** The feedback services the screens work with, handed around as one; each service checks access itself. */
@Component
public record FeedbackServices(
        FeedbackRequests requests,
        FeedbackAnswers answers,
        FeedbackQueries queries,
        FeedbackSettingsService settings,
        PeopleService people,
        PersonDirectory directory) {}
