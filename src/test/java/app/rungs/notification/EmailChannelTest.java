package app.rungs.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.EmailAdmin;
import app.rungs.notification.service.EmailCategory;
import app.rungs.notification.service.EmailPreferences;
import app.rungs.notification.service.MailDispatcher;
import app.rungs.notification.service.NotificationItem;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.MailParts;
import app.rungs.support.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The email channel against a real SMTP server (GreenMail): notifications become multipart emails sent from the
 * outbox, never blocking the action, retried, sent once, and only to people who want them.
 */
@IntegrationTest
class EmailChannelTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    EmailAdmin admin;

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

    @Autowired
    DataSource dataSource;

    PromotionFixtures fx;
    JdbcTemplate jdbc;
    String manager;
    String alice;

    @BeforeEach
    void people() {
        TestMailServer.start();
        jdbc = new JdbcTemplate(dataSource);
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Mail Manager");
        alice = fx.newEngineer("Mail Alice", "DSE-2", manager);
        drain();
    }

    @AfterEach
    void smtpBack() {
        TestMailServer.start();
    }

    @Test
    void anAcknowledgementArrivesAsHtmlAndTextWithALinkAndTheUsersTitleEscaped() throws MessagingException {
        var title = "<b>Raft</b> & \"leader\" <script>alert(1)</script> drill";
        var item = fx.logEvidence(alice, title, "DSE-2", "consensus-algorithms");
        fx.acknowledge(manager, item);
        assertThat(outboxStatuses(alice)).containsExactly("PENDING");

        var result = fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);

        assertThat(result.sent()).isGreaterThanOrEqualTo(1);
        var mails = TestMailServer.receivedBy(alice);
        assertThat(mails).hasSize(1);
        var mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo(fx.nameOf(manager) + " acknowledged \"" + title + "\"");
        assertThat(mail.getFrom()[0].toString()).contains("rungs@rungs.test");
        var html = MailParts.html(mail);
        var text = MailParts.text(mail);
        assertThat(html)
                .contains("&lt;b&gt;Raft&lt;/b&gt; &amp; &quot;leader&quot; &lt;script&gt;")
                .doesNotContain("<b>Raft")
                .doesNotContain("<script>")
                .contains("href=\"https://rungs.test/my-evidence\"")
                .contains("Thanks, this counts.")
                .contains(fx.nameOf(alice));
        assertThat(text)
                .contains(title)
                .contains("https://rungs.test/my-evidence")
                .contains("Thanks, this counts.")
                .doesNotContain("<p");
        assertThat(outboxStatuses(alice)).containsExactly("SENT");

        fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);
        assertThat(TestMailServer.receivedBy(alice)).as("sent once").hasSize(1);
    }

    @Test
    void theActionCommitsWhileSmtpIsDownAndTheEmailFollowsWhenItIsBack() {
        TestMailServer.stop();
        var item = fx.logEvidence(alice, "Outage drill", "DSE-2", "consensus-algorithms");
        fx.acknowledge(manager, item);
        assertThat(fx.as(alice, () -> notifications.mine(0, 10)))
                .extracting(NotificationItem::title)
                .anyMatch(t -> t.contains("Outage drill"));

        var before = Instant.now();
        var down = fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);
        assertThat(down.retrying()).isGreaterThanOrEqualTo(1);
        var row = jdbc.queryForMap(
                "select status, attempts, last_error, next_attempt_at from email_outbox where person_id = ?",
                fx.personOf(alice));
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("Connect");
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
                .as("backed off")
                .isAfter(before);

        TestMailServer.start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);
            assertThat(TestMailServer.receivedBy(alice)).hasSize(1);
        });
        assertThat(outboxStatuses(alice)).containsExactly("SENT");
    }

    @Test
    void anEmailThatKeepsFailingIsMarkedFailedWithTheErrorAndAnAdminRetryDeliversIt() {
        TestMailServer.stop();
        var aliceId = fx.personOf(alice);
        fx.run(
                DemoUsers.ADMIN,
                () -> notifications.notify(aliceId, EmailCategory.PROMOTION, "Retry me", "Body", "promotions", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);
            assertThat(outboxStatuses(alice)).containsExactly("FAILED");
        });
        var failed = fx.as(DemoUsers.ADMIN, () -> admin.failed(0, 200)).stream()
                .filter(f -> f.subject().equals("Retry me"))
                .toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().attempts()).isEqualTo(3);
        assertThat(failed.getFirst().error()).contains("Connect");
        assertThat(fx.as(DemoUsers.ADMIN, admin::status).counts().get(EmailAdmin.OutboxStatus.FAILED))
                .isGreaterThanOrEqualTo(1);

        TestMailServer.start();
        fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);
        assertThat(TestMailServer.receivedBy(alice))
                .as("failed stays failed until retried")
                .isEmpty();
        fx.run(DemoUsers.ADMIN, () -> admin.retry(failed.getFirst().id()));
        fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);
        assertThat(TestMailServer.receivedBy(alice)).hasSize(1);
        assertThatThrownBy(() -> fx.run(
                        DemoUsers.ADMIN, () -> admin.retry(failed.getFirst().id())))
                .hasMessageContaining("not failed");
        assertThatThrownBy(
                        () -> fx.run(alice, () -> admin.retry(failed.getFirst().id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoDispatchersRunningAtOnceSendEachEmailOnce() throws Exception {
        var aliceId = fx.personOf(alice);
        fx.run(DemoUsers.ADMIN, () -> {
            for (int i = 0; i < 40; i++) {
                notifications.notify(aliceId, EmailCategory.PROMOTION, "Parallel " + i, null, null, null);
            }
        });
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var runs = new ArrayList<Future<Integer>>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    barrier.await();
                    int sent = 0;
                    for (int round = 0; round < 3; round++) {
                        sent += fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue).sent();
                    }
                    return sent;
                }));
            }
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        var subjects = TestMailServer.receivedBy(alice).stream()
                .map(EmailChannelTest::subject)
                .toList();
        assertThat(subjects).hasSize(40).doesNotHaveDuplicates();
        assertThat(outboxStatuses(alice)).hasSize(40).containsOnly("SENT");
    }

    @Test
    void anEngineerWhoSwitchedReviewEmailsOffGetsNoneButStillSeesTheNotificationInTheApp() {
        var mine = fx.as(alice, preferences::mine);
        assertThat(mine.configured()).isTrue();
        assertThat(mine.address()).isEqualTo(alice);
        assertThat(mine.choices()).allMatch(EmailPreferences.Choice::enabled);

        fx.run(alice, () -> preferences.saveMine(Map.of(EmailCategory.REVIEW_ACTIVITY, false), null, null));
        var item = fx.logEvidence(alice, "Quiet drill", "DSE-2", "consensus-algorithms");
        fx.acknowledge(manager, item);
        assertThat(fx.as(alice, () -> notifications.mine(0, 10)))
                .extracting(NotificationItem::title)
                .anyMatch(t -> t.contains("Quiet drill"));
        assertThat(outboxStatuses(alice)).isEmpty();

        var aliceId = fx.personOf(alice);
        fx.run(
                DemoUsers.ADMIN,
                () -> notifications.notify(aliceId, EmailCategory.PROMOTION, "Still on", null, "promotions", null));
        assertThat(outboxStatuses(alice))
                .as("other categories keep their default")
                .containsExactly("PENDING");
        assertThat(fx.as(alice, preferences::mine).choices())
                .filteredOn(c -> c.category() == EmailCategory.REVIEW_ACTIVITY)
                .singleElement()
                .matches(c -> !c.enabled());
    }

    @Test
    void aDeactivatedPersonIsSkippedNotEmailed() {
        var aliceId = fx.personOf(alice);
        fx.run(
                DemoUsers.ADMIN,
                () -> notifications.notify(aliceId, EmailCategory.PROMOTION, "Too late", null, null, null));
        jdbc.update("update person set active = false where id = ?", aliceId);
        var result = fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue);
        assertThat(result.skipped()).isGreaterThanOrEqualTo(1);
        assertThat(outboxStatuses(alice)).containsExactly("SKIPPED");
        assertThat(TestMailServer.receivedBy(alice)).isEmpty();
    }

    @Test
    void anAdminSendsATestEmailAndOthersCannot() throws MessagingException {
        fx.run(DemoUsers.ADMIN, () -> admin.sendTest("smtp-check@rungs.test"));
        var mails = TestMailServer.receivedBy("smtp-check@rungs.test");
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Rungs test email");
        assertThat(MailParts.text(mails.getFirst())).contains("the SMTP settings work");
        assertThat(MailParts.html(mails.getFirst())).contains("https://rungs.test/admin/email");

        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> admin.sendTest("not an address")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Enter one email address, like name@example.com.");
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> admin.sendTest("smtp-check@rungs.test")))
                .isInstanceOf(AccessDeniedException.class);
        TestMailServer.stop();
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> admin.sendTest("smtp-check@rungs.test")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The test email could not be sent:");
    }

    /** Sends whatever other tests left in the outbox, so each test reads only its own mail. */
    private void drain() {
        for (int i = 0;
                i < 100 && fx.as(DemoUsers.ADMIN, dispatcher::dispatchDue).handled() > 0;
                i++) {
            // keep going until a run finds nothing due
        }
    }

    private List<String> outboxStatuses(String username) {
        return jdbc.queryForList(
                "select status from email_outbox where person_id = ? order by id", String.class, fx.personOf(username));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
