package app.rungs.feedback;

import app.rungs.feedback.domain.EngineerVisibility;
import app.rungs.feedback.domain.FeedbackScope;
import app.rungs.feedback.domain.Rating;
import app.rungs.feedback.service.FeedbackAnswers;
import app.rungs.feedback.service.FeedbackQueries;
import app.rungs.feedback.service.FeedbackRequests;
import app.rungs.feedback.service.FeedbackSettingsService;
import app.rungs.feedback.service.NewFeedbackRequest;
import app.rungs.feedback.service.TopicAnswerInput;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.support.DemoUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Asking, answering and setting the organization's rule, as the people who would do it. */
public record FeedbackFixtures(
        PromotionFixtures fx,
        FeedbackRequests requests,
        FeedbackAnswers answers,
        FeedbackQueries queries,
        FeedbackSettingsService settings) {

    /** The requester asks the peers (usernames) about the subject's first two competencies, due in a week. */
    public Long ask(String requester, String subject, String... peers) {
        return ask(requester, subject, Instant.now().plus(Duration.ofDays(7)), peers);
    }

    public Long ask(String requester, String subject, Instant deadline, String... peers) {
        var subjectId = fx.personOf(subject);
        return fx.as(requester, () -> {
            var keys = requests.competencies(subjectId).stream()
                    .limit(2)
                    .map(t -> t.key())
                    .toList();
            return requests.request(new NewFeedbackRequest(
                    subjectId,
                    FeedbackScope.COMPETENCIES,
                    keys,
                    null,
                    null,
                    Arrays.stream(peers).map(fx::personOf).toList(),
                    deadline,
                    "2026-H2",
                    "You worked with them on the metadata service; what did you see?"));
        });
    }

    /** The peer's ask of a request, from their own "Asked of me" list. */
    public Long askOf(String peer, String subjectName) {
        return fx.as(
                peer,
                () -> queries.askedOfMe(0, 50).stream()
                        .filter(a -> a.subjectName().equals(subjectName))
                        .findFirst()
                        .orElseThrow()
                        .askId());
    }

    /** The peer answers every topic with a rating and an example that names them. */
    public void answer(String peer, String subject) {
        var askId = askOf(peer, fx.nameOf(subject));
        fx.run(peer, () -> {
            var form = answers.form(askId);
            answers.answer(
                    askId,
                    form.version(),
                    form.topics().stream()
                            .map(t -> new TopicAnswerInput(
                                    t.key(),
                                    Rating.MEETS,
                                    "Example by " + fx.nameOf(peer) + " on " + t.name(),
                                    List.of("https://git.example.com/pr/" + Math.abs(peer.hashCode()))))
                            .toList());
        });
    }

    public void decline(String peer, String subject, String reason) {
        var askId = askOf(peer, fx.nameOf(subject));
        fx.run(peer, () -> answers.decline(askId, answers.form(askId).version(), reason));
    }

    public void rule(EngineerVisibility visibility) {
        fx.run(
                DemoUsers.ADMIN,
                () -> settings.change(visibility, settings.settings().version()));
    }
}
