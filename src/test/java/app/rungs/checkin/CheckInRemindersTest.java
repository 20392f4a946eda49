package app.rungs.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInReads;
import app.rungs.checkin.service.CheckInService;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.MailDispatcher;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.reminder.service.ReminderScheduler;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.MailParts;
import app.rungs.support.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Check-in deadlines and news by email, read back from the SMTP server: due-soon and overdue reminders to whoever
 * has not submitted, each once, none after submitting; "ready to compare" to both.
 */
@IntegrationTest
class CheckInRemindersTest {

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

    @Autowired
    CheckInService checkIns;

    @Autowired
    CheckInReads reads;

    @Autowired
    ReminderScheduler reminders;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    PromotionFixtures fx;
    CheckInFixtures ci;

    @BeforeEach
    void people() {
        TestMailServer.start();
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        ci = new CheckInFixtures(fx, checkIns, reads, "Reminder");
        drainOutbox();
    }

    @Test
    void aDeadlineWithinThreeDaysRemindsBothOnceByEmail() throws MessagingException {
        var id = ci.start(ci.engineer, LocalDate.now().plusDays(2));
        sendDue();
        sendDue();
        drainOutbox();

        assertThat(subjects(ci.engineer))
                .filteredOn(s -> s.startsWith("Due soon"))
                .containsExactly("Due soon: Your check-in with " + fx.nameOf(ci.manager) + ": your ratings");
        var managerMails = TestMailServer.receivedBy(ci.manager).stream()
                .filter(m -> subject(m).startsWith("Due soon"))
                .toList();
        assertThat(managerMails).hasSize(1);
        assertThat(subject(managerMails.getFirst()))
                .isEqualTo("Due soon: Check-in of " + fx.nameOf(ci.engineer) + ": your ratings");
        assertThat(MailParts.html(managerMails.getFirst())).contains("check-ins/" + id);
    }

    @Test
    void anOverdueCheckInRemindsOnlyWhoHasNotSubmittedAndNothingAfterBothSubmitted() {
        var id = ci.start(ci.engineer, LocalDate.now().plusDays(20));
        ci.submitAll(ci.engineer, id, Rating.MEETS, null);
        thirtyDaysPass(id);
        sendDue();
        sendDue();
        drainOutbox();

        assertThat(subjects(ci.manager))
                .filteredOn(s -> s.startsWith("Overdue"))
                .containsExactly("Overdue: Check-in of " + fx.nameOf(ci.engineer) + ": your ratings");
        assertThat(subjects(ci.engineer))
                .as("she submitted: no reminder")
                .noneMatch(s -> s.startsWith("Overdue") || s.startsWith("Due soon"));

        // Both submitted in time: nobody is reminded of that check-in however late it gets.
        var other = new CheckInFixtures(fx, checkIns, reads, "Reminder Both");
        var second = other.start(other.manager, LocalDate.now().plusDays(20));
        other.submitAll(other.engineer, second, Rating.MEETS, null);
        other.submitAll(other.manager, second, Rating.GROWING, null);
        thirtyDaysPass(second);
        sendDue();
        drainOutbox();
        assertThat(subjects(other.manager)).noneMatch(s -> s.startsWith("Overdue") || s.startsWith("Due soon"));
        assertThat(subjects(other.engineer)).noneMatch(s -> s.startsWith("Overdue") || s.startsWith("Due soon"));
    }

    @Test
    void bothGetReadyToCompareByEmailWhenTheSecondSubmits() {
        var id = ci.start();
        ci.submitAll(ci.manager, id, Rating.MEETS, null);
        drainOutbox();
        assertThat(subjects(ci.engineer))
                .contains(fx.nameOf(ci.manager) + " submitted their check-in ratings")
                .doesNotContain("Check-in ready to compare");
        ci.submitAll(ci.engineer, id, Rating.MEETS, null);
        drainOutbox();
        assertThat(subjects(ci.engineer)).contains("Check-in ready to compare");
        assertThat(subjects(ci.manager)).contains("Check-in ready to compare");
    }

    private void thirtyDaysPass(Long id) {
        // Time passes for this check-in's reminders only: other tests' reminders keep their times.
        jdbc.update(
                "update reminder set due_at = due_at - interval '30 days', fire_at = fire_at - interval '30 days'"
                        + " where subject_type = 'CHECK_IN' and subject_id = ?",
                id);
    }

    private List<String> subjects(String username) {
        return TestMailServer.receivedBy(username).stream()
                .map(CheckInRemindersTest::subject)
                .toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
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
