package app.rungs.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.feedback.domain.FeedbackScope;
import app.rungs.feedback.domain.Rating;
import app.rungs.feedback.service.FeedbackAnswers;
import app.rungs.feedback.service.FeedbackQueries;
import app.rungs.feedback.service.FeedbackRequests;
import app.rungs.feedback.service.FeedbackSettingsService;
import app.rungs.feedback.service.NewFeedbackRequest;
import app.rungs.feedback.service.TopicAnswerInput;
import app.rungs.notification.service.MailDispatcher;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.reminder.service.ReminderScheduler;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.MailParts;
import app.rungs.support.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Asking, answering, declining and the emails they send, read back from the SMTP server: the request to each peer,
 * due-soon and overdue reminders to peers who have not responded (once, and never after they responded), the decline
 * and the all-responded notice to the requester. Bad input is refused with a message that says what to do.
 */
@IntegrationTest
class FeedbackFlowTest {

    @Autowired
    FeedbackRequests requests;

    @Autowired
    FeedbackAnswers answers;

    @Autowired
    FeedbackQueries queries;

    @Autowired
    FeedbackSettingsService settings;

    @Autowired
    ReminderScheduler reminders;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PromotionService promotions;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    PromotionFixtures fx;
    FeedbackFixtures feedback;
    String manager;
    String subject;
    String p1;
    String p2;

    @BeforeEach
    void organization() {
        TestMailServer.start();
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        feedback = new FeedbackFixtures(fx, requests, answers, queries, settings);
        manager = fx.newManager("Flow Manager");
        subject = fx.newEngineer("Flow Subject", "DSE-2", manager);
        p1 = fx.newEngineer("Flow Peer One", "DSE-2", manager);
        p2 = fx.newEngineer("Flow Peer Two", "DSE-2", manager);
        drainOutbox();
    }

    @Test
    void eachPeerIsAskedByEmailAndTheRequesterSeesEveryPeersStatus() throws MessagingException {
        feedback.ask(manager, subject, p1, p2);
        drainOutbox();

        var mail = only(TestMailServer.receivedBy(p1));
        assertThat(mail.getSubject())
                .isEqualTo(fx.nameOf(manager) + " asks for your feedback on " + fx.nameOf(subject));
        assertThat(MailParts.text(mail)).contains("what did you see?").contains("/feedback");

        var mine = fx.as(manager, () -> queries.myRequests(0, 10));
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().peers())
                .extracting(p -> p.peerName() + ":" + p.status())
                .containsExactlyInAnyOrder(fx.nameOf(p1) + ":PENDING", fx.nameOf(p2) + ":PENDING");
    }

    @Test
    void aDeclineNeedsAReasonAndTellsTheRequesterAndTheLastResponseSaysAllResponded() throws MessagingException {
        feedback.ask(manager, subject, p1, p2);
        var askId = feedback.askOf(p1, fx.nameOf(subject));
        assertThatThrownBy(() -> fx.run(p1, () -> answers.decline(askId, 0, "  ")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Say why you decline, so whoever asked can ask someone else.");

        feedback.decline(p1, subject, "I have not worked with them this half.");
        feedback.answer(p2, subject);
        drainOutbox();

        var subjects = TestMailServer.receivedBy(manager).stream()
                .map(FeedbackFlowTest::subjectOf)
                .toList();
        assertThat(subjects)
                .contains(fx.nameOf(p1) + " declined to give feedback on " + fx.nameOf(subject))
                .contains("Every colleague responded to your feedback request on " + fx.nameOf(subject));
        var mine = fx.as(manager, () -> queries.myRequests(0, 10)).getFirst();
        assertThat(mine.peers())
                .filteredOn(p -> p.peerName().equals(fx.nameOf(p1)))
                .singleElement()
                .satisfies(p -> assertThat(p.declineReason()).isEqualTo("I have not worked with them this half."));
        assertThatThrownBy(() -> feedback.answer(p1, subject))
                .isInstanceOf(ValidationException.class)
                .hasMessage("You already declined this request; a response is final.");
    }

    @Test
    void remindersGoToPeersWhoHaveNotRespondedOnceAndNeverAfterTheyAnswered() {
        // Due tomorrow: inside the two-day lead, so the due-soon reminder's time has come.
        feedback.ask(manager, subject, Instant.now().plus(Duration.ofDays(1)), p1, p2);
        feedback.answer(p1, subject);

        sendDue();
        sendDue();
        drainOutbox();

        assertThat(reminderSubjects(p2)).containsExactly("Due soon: Feedback on " + fx.nameOf(subject));
        assertThat(reminderSubjects(p1)).as("answered: no reminder").isEmpty();
    }

    @Test
    void aMissedDeadlineSendsTheOverdueReminderOnce() {
        var deadline = Instant.now().plusMillis(1500);
        feedback.ask(manager, subject, deadline, p1);
        while (!Instant.now().isAfter(deadline)) {
            Thread.onSpinWait(); // waits for the deadline to pass, the condition under test
        }

        sendDue();
        sendDue();
        drainOutbox();

        assertThat(reminderSubjects(p1)).containsExactly("Overdue: Feedback on " + fx.nameOf(subject));
        feedback.answer(p1, subject);
        assertThat(fx.as(manager, () -> queries.myRequests(0, 10)).getFirst().peers())
                .singleElement()
                .satisfies(p -> assertThat(p.status().name()).isEqualTo("ANSWERED"));
    }

    @Test
    void badRequestsAreRefusedWithAClearMessageAndCreateNothing() {
        var subjectId = fx.personOf(subject);
        var keys = fx.as(manager, () -> requests.competencies(subjectId)).stream()
                .limit(1)
                .map(t -> t.key())
                .toList();
        var week = Instant.now().plus(Duration.ofDays(7));
        refused(
                new NewFeedbackRequest(
                        subjectId,
                        FeedbackScope.COMPETENCIES,
                        keys,
                        null,
                        null,
                        List.of(fx.personOf(p1)),
                        Instant.now().minusSeconds(60),
                        null,
                        null),
                "The deadline must be in the future.");
        refused(
                new NewFeedbackRequest(
                        subjectId,
                        FeedbackScope.COMPETENCIES,
                        keys,
                        null,
                        null,
                        List.of(fx.personOf(p1)),
                        null,
                        null,
                        null),
                "Choose a deadline for the answers.");
        refused(
                new NewFeedbackRequest(
                        subjectId, FeedbackScope.COMPETENCIES, keys, null, null, List.of(subjectId), week, null, null),
                fx.nameOf(subject) + " is the person the feedback is about and cannot be asked for it; choose"
                        + " someone else.");
        refused(
                new NewFeedbackRequest(
                        subjectId,
                        FeedbackScope.COMPETENCIES,
                        keys,
                        null,
                        null,
                        List.of(fx.personOf(p1), fx.personOf(p1)),
                        week,
                        null,
                        null),
                fx.nameOf(p1) + " is on the list twice; ask each colleague once.");
        refused(
                new NewFeedbackRequest(
                        subjectId,
                        FeedbackScope.COMPETENCIES,
                        List.of("not-a-competency"),
                        null,
                        null,
                        List.of(fx.personOf(p1)),
                        week,
                        null,
                        null),
                "'not-a-competency' is not a competency of " + fx.nameOf(subject) + "'s path.");
        refused(
                new NewFeedbackRequest(
                        subjectId,
                        FeedbackScope.COMPETENCIES,
                        keys,
                        null,
                        null,
                        List.of(fx.personOf(p1)),
                        week,
                        "2026/H2?",
                        null),
                "A cycle is a short label like 2026-H2 (letters, digits, spaces, . _ -).");
        assertThat(fx.as(manager, () -> queries.countMyRequests())).isZero();

        feedback.ask(manager, subject, p1);
        refused(
                new NewFeedbackRequest(
                        subjectId,
                        FeedbackScope.COMPETENCIES,
                        keys,
                        null,
                        null,
                        List.of(fx.personOf(p1)),
                        week,
                        null,
                        null),
                fx.nameOf(p1) + " has not answered an earlier request about " + fx.nameOf(subject)
                        + " yet; wait for that answer instead of asking twice.");
        assertThat(fx.as(manager, () -> queries.countMyRequests())).isOne();
    }

    @Test
    void anAnswerNeedsExamplesWhereItRatesAndIsFinalAgainstASecondTab() {
        feedback.ask(manager, subject, p1);
        var askId = feedback.askOf(p1, fx.nameOf(subject));
        var form = fx.as(p1, () -> answers.form(askId));
        var topic = form.topics().getFirst();

        assertThatThrownBy(() -> fx.run(
                        p1,
                        () -> answers.answer(
                                askId,
                                form.version(),
                                List.of(new TopicAnswerInput(topic.key(), Rating.EXCEEDS, " ", List.of())))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Add examples to your answer on " + topic.name());
        assertThatThrownBy(() -> fx.run(
                        p1,
                        () -> answers.answer(
                                askId,
                                form.version(),
                                List.of(new TopicAnswerInput(
                                        topic.key(), null, "Saw it.", List.of("javascript:alert(1)"))))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("web addresses starting with https://");
        assertThatThrownBy(() -> fx.run(p1, () -> answers.answer(askId, form.version(), List.of())))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Answer at least one topic with examples, or decline with a reason.");

        fx.run(
                p1,
                () -> answers.answer(
                        askId,
                        form.version(),
                        List.of(new TopicAnswerInput(topic.key(), Rating.MEETS, "Led the drill.", List.of()))));
        assertThatThrownBy(() -> fx.run(p1, () -> answers.decline(askId, form.version(), "Changed my mind")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("You already answered this request; a response is final.");
        assertThat(fx.as(p1, () -> queries.myAnswer(askId)))
                .singleElement()
                .satisfies(a -> assertThat(a.examples()).isEqualTo("Led the drill."));
    }

    @Test
    void aStaleFormIsRefusedInsteadOfOverwritingTheResponse() {
        feedback.ask(manager, subject, p1);
        var askId = feedback.askOf(p1, fx.nameOf(subject));
        assertThatThrownBy(() -> fx.run(p1, () -> answers.decline(askId, 7, "Busy")))
                .isInstanceOf(ConcurrentEditException.class);
    }

    private void refused(NewFeedbackRequest request, String message) {
        assertThatThrownBy(() -> fx.as(manager, () -> requests.request(request)))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message);
    }

    private List<String> reminderSubjects(String user) {
        return TestMailServer.receivedBy(user).stream()
                .map(FeedbackFlowTest::subjectOf)
                .filter(s -> s.startsWith("Due soon: ") || s.startsWith("Overdue: "))
                .toList();
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    /** Other tests leave due reminders too; one run sends only the oldest batch, so run until none is left. */
    private void sendDue() {
        for (int i = 0; i < 100 && fx.as(DemoUsers.ADMIN, reminders::sendDue) > 0; i++) {
            // keep going until a run finds nothing due
        }
    }

    private void drainOutbox() {
        for (int i = 0;
                i < 100 && fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue).handled() > 0;
                i++) {
            // keep going until a run finds nothing due
        }
    }
}
