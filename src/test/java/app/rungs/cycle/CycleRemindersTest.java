package app.rungs.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.cycle.service.CycleForm;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.notification.service.MailDispatcher;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
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
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A cycle's nominations deadline reminds every manager by email a week ahead, once; a closed cycle reminds nobody.
 * The mail is read back from the test SMTP server.
 */
@IntegrationTest
class CycleRemindersTest {

    @Autowired
    ReviewCycles cycles;

    @Autowired
    ReminderScheduler reminders;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;

    @BeforeEach
    void organization() {
        TestMailServer.start();
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
    }

    /** Nominations open five days ago and close in four: the due-soon reminder's time has come. */
    private CycleForm closingSoon(String label) {
        return new CycleForm(label, CycleFixtures.windows(LocalDate.now().minusDays(35), 10));
    }

    @Test
    void managersAreRemindedByEmailOnceBeforeNominationsClose() throws MessagingException {
        var label = CycleFixtures.label();
        var id = fx.as(DemoUsers.ADMIN, () -> cycles.open(closingSoon(label)));

        sendAllDue();
        drainOutbox();
        var mails = mailsAbout(org.managerA(), label);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject())
                .startsWith("Due soon: Promotion nominations for " + label + " close on ");
        assertThat(MailParts.html(mails.getFirst())).contains("promotions");
        assertThat(mailsAbout(org.managerB(), label)).hasSize(1);
        // Engineers nominate nobody: no reminder for them.
        assertThat(mailsAbout(org.engineer("Ada"), label)).isEmpty();

        sendAllDue();
        drainOutbox();
        assertThat(mailsAbout(org.managerA(), label)).as("not sent twice").hasSize(1);
        // Closed again, so that dialogs in later tests do not default to this cycle.
        fx.run(DemoUsers.ADMIN, () -> cycles.close(id, cycles.get(id).version()));
    }

    @Test
    void aClosedCycleRemindsNobody() throws MessagingException {
        var label = CycleFixtures.label();
        var id = fx.as(DemoUsers.ADMIN, () -> cycles.open(closingSoon(label)));
        fx.run(DemoUsers.ADMIN, () -> cycles.close(id, cycles.get(id).version()));

        sendAllDue();
        drainOutbox();
        assertThat(mailsAbout(org.managerA(), label)).isEmpty();
    }

    private List<MimeMessage> mailsAbout(String recipient, String label) throws MessagingException {
        var mails = new java.util.ArrayList<MimeMessage>();
        for (var m : TestMailServer.receivedBy(recipient)) {
            if (m.getSubject() != null && m.getSubject().contains(label)) {
                mails.add(m);
            }
        }
        return mails;
    }

    /** Other tests leave due reminders too; one run sends only the oldest batch, so run until none is left. */
    private void sendAllDue() {
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
