package app.rungs.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.EmailPreferences;
import app.rungs.notification.service.MailDispatcher;
import app.rungs.notification.service.NotificationItem;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.reminder.service.ReminderRequest;
import app.rungs.reminder.service.ReminderScheduler;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.MailParts;
import app.rungs.support.TestMailServer;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Deadline reminders through the scheduler's API, on test subjects of their own: due soon, overdue, each sent once,
 * none after completion, delivered in the app and read back from the SMTP server.
 */
@IntegrationTest
class ReminderSchedulerTest {

    private static final String SUBJECT = "TEST_DEADLINE";
    private static final AtomicLong SUBJECT_IDS = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    ReminderScheduler reminders;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    NotificationService notifications;

    @Autowired
    EmailPreferences preferences;

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
    String manager;
    String alice;
    Long aliceId;

    @BeforeEach
    void people() {
        TestMailServer.start();
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Reminder Manager");
        alice = fx.newEngineer("Reminder Alice", "DSE-2", manager);
        aliceId = fx.personOf(alice);
        // Earlier tests leave notifications in the outbox; a dispatch sends one batch, oldest first.
        drainOutbox();
    }

    @Test
    void aDeadlineComingUpSendsOneDueSoonReminderInTheAppAndByEmailInTheRecipientsFormat() throws MessagingException {
        fx.run(alice, () -> preferences.saveMine(Map.of(), Locale.US, ZoneId.of("America/New_York")));
        var due = LocalDateTime.of(2027, 3, 9, 14, 30)
                .atZone(ZoneId.of("America/New_York"))
                .toInstant();
        var subject = SUBJECT_IDS.incrementAndGet();
        // Due in the future, but within the lead: the due-soon reminder's time has come.
        var lead = Duration.between(Instant.now(), due).plusDays(1);
        schedule(subject, "Self-assessment <for> 2027-H1", due, lead);

        assertThat(sendDue()).isGreaterThanOrEqualTo(1);
        assertThat(reminderTitles()).containsExactly("Due soon: Self-assessment <for> 2027-H1");

        assertThat(sendDue()).isZero();
        assertThat(reminderTitles()).as("not sent twice").hasSize(1);

        drainOutbox();
        var mails = TestMailServer.receivedBy(alice);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Due soon: Self-assessment <for> 2027-H1");
        // The recipient's US format and New York time, whatever the server's zone.
        assertThat(MailParts.text(mails.getFirst()))
                .contains("Due: Mar 9, 2027")
                .contains("2:30");
        assertThat(MailParts.html(mails.getFirst()))
                .contains("Self-assessment &lt;for&gt; 2027-H1")
                .contains("href=\"https://rungs.test/my-evidence\"");
    }

    @Test
    void aMissedDeadlineSendsOnlyTheOverdueReminderOnce() {
        var subject = SUBJECT_IDS.incrementAndGet();
        schedule(subject, "Peer feedback for Bo", Instant.now().minus(1, ChronoUnit.HOURS), Duration.ofDays(2));

        sendDue();
        sendDue();

        assertThat(reminderTitles()).containsExactly("Overdue: Peer feedback for Bo");
    }

    @Test
    void nothingIsSentAfterTheThingIsCompleted() {
        var done = SUBJECT_IDS.incrementAndGet();
        var other = SUBJECT_IDS.incrementAndGet();
        schedule(done, "Done thing", Instant.now().minus(1, ChronoUnit.HOURS), Duration.ofDays(1));
        schedule(other, "Open thing", Instant.now().minus(1, ChronoUnit.HOURS), Duration.ofDays(1));

        assertThat(fx.as(manager, () -> reminders.complete(SUBJECT, done))).isEqualTo(2);
        sendDue();

        assertThat(reminderTitles()).containsExactly("Overdue: Open thing");
    }

    @Test
    void aFutureDeadlineSendsNothingYetAndAMovedDeadlineRearmsTheReminders() {
        var subject = SUBJECT_IDS.incrementAndGet();
        schedule(subject, "Later thing", Instant.now().plus(10, ChronoUnit.DAYS), Duration.ofDays(2));
        sendDue();
        assertThat(reminderTitles()).isEmpty();

        schedule(subject, "Later thing", Instant.now().minus(1, ChronoUnit.MINUTES), Duration.ofDays(2));
        sendDue();
        assertThat(reminderTitles()).containsExactly("Overdue: Later thing");

        var movedAgain = Instant.now().minus(2, ChronoUnit.MINUTES);
        schedule(subject, "Later thing", movedAgain, Duration.ofDays(2));
        schedule(subject, "Later thing", movedAgain, Duration.ofDays(2));
        sendDue();
        assertThat(reminderTitles())
                .as("re-armed once by the move, not by repeating it")
                .hasSize(2);
    }

    @Test
    void aBadReminderIsRefusedWithAClearMessageAndSendingIsForAdminsOnly() {
        var id = SUBJECT_IDS.incrementAndGet();
        var due = Instant.now().plus(1, ChronoUnit.DAYS);
        assertThatThrownBy(() -> fx.run(
                        manager,
                        () -> reminders.schedule(
                                new ReminderRequest("lower case", id, aliceId, "T", null, due, Duration.ZERO))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("subject type");
        assertThatThrownBy(() -> fx.run(
                        manager,
                        () -> reminders.schedule(new ReminderRequest(
                                SUBJECT, id, aliceId, "T", "https://evil.example.com", due, Duration.ZERO))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Reminder links point inside Rungs, like promotions/42.");
        assertThatThrownBy(() -> fx.run(
                        manager,
                        () -> reminders.schedule(new ReminderRequest(SUBJECT, id, -1L, "T", null, due, Duration.ZERO))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The person to remind does not exist.");
        assertThatThrownBy(() -> fx.run(
                        manager,
                        () -> reminders.schedule(
                                new ReminderRequest(SUBJECT, id, aliceId, " ", null, due, Duration.ZERO))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fx.run(manager, reminders::sendDue)).isInstanceOf(AccessDeniedException.class);
    }

    private void schedule(long subjectId, String title, Instant due, Duration lead) {
        fx.run(
                manager,
                () -> reminders.schedule(
                        new ReminderRequest(SUBJECT, subjectId, aliceId, title, "my-evidence", due, lead)));
    }

    /** Sends everything due (other tests leave due reminders too; one run sends only the oldest batch). */
    private int sendDue() {
        int sent = 0;
        for (int i = 0, n; i < 100 && (n = fx.as(DemoUsers.ADMIN, reminders::sendDue)) > 0; i++) {
            sent += n;
        }
        return sent;
    }

    private List<String> reminderTitles() {
        return fx.as(alice, () -> notifications.mine(0, 50)).stream()
                .map(NotificationItem::title)
                .filter(t -> t.startsWith("Due soon: ") || t.startsWith("Overdue: "))
                .toList();
    }

    private void drainOutbox() {
        for (int i = 0;
                i < 100 && fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue).handled() > 0;
                i++) {
            // keep going until a run finds nothing due
        }
    }
}
