package app.rungs.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.NotificationItem;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** In-app notifications: everyone reads and marks only their own. */
@IntegrationTest
class NotificationServiceTest {

    @Autowired
    NotificationService notifications;

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
    String alice;
    String bob;

    @BeforeEach
    void people() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var manager = fx.newManager("Nora Quist");
        alice = fx.newEngineer("Alice Moreno", "DSE-1", manager);
        bob = fx.newEngineer("Bob Ferreira", "DSE-1", manager);
    }

    @Test
    void aPersonSeesTheirNotificationsNewestFirstAndMarksThemRead() {
        var aliceId = fx.personOf(alice);
        fx.run(DemoUsers.ADMIN, () -> {
            notifications.notify(aliceId, "First", "Body one", "promotions/1");
            notifications.notify(aliceId, "Second", null, null);
        });
        assertThat(fx.as(alice, () -> notifications.unreadCount())).isEqualTo(2);
        assertThat(fx.as(bob, () -> notifications.unreadCount())).isZero();
        var mine = fx.as(alice, () -> notifications.mine(0, 10));
        assertThat(mine).extracting(NotificationItem::title).containsExactly("Second", "First");
        assertThat(fx.as(alice, () -> notifications.mine(1, 10)))
                .extracting(NotificationItem::title)
                .containsExactly("First");

        var first = mine.get(1).id();
        assertThatThrownBy(() -> fx.run(bob, () -> notifications.markRead(first)))
                .isInstanceOf(NotFoundException.class);
        fx.run(alice, () -> notifications.markRead(first));
        assertThat(fx.as(alice, () -> notifications.unreadCount())).isEqualTo(1);
        assertThat(fx.as(alice, () -> notifications.markAllRead())).isEqualTo(1);
        assertThat(fx.as(alice, () -> notifications.unreadCount())).isZero();
        assertThat(fx.as(alice, () -> notifications.countMine())).isEqualTo(2);
        assertThat(fx.as(alice, () -> notifications.mine(0, 10))).allMatch(NotificationItem::read);
    }

    @Test
    void openBellsHearOfTheirOwnPersonsNewNotificationsOnly() throws InterruptedException {
        var aliceHeard = new java.util.concurrent.CountDownLatch(1);
        var bobHeard = new java.util.concurrent.atomic.AtomicInteger();
        var aliceRegistration = fx.as(alice, () -> notifications.onChange(aliceHeard::countDown));
        var bobRegistration = fx.as(bob, () -> notifications.onChange(bobHeard::incrementAndGet));
        try {
            var aliceId = fx.personOf(alice);
            fx.run(DemoUsers.ADMIN, () -> notifications.notify(aliceId, "Live", null, null));
            assertThat(aliceHeard.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            Thread.sleep(300);
            assertThat(bobHeard.get()).isZero();
        } finally {
            aliceRegistration.remove();
            bobRegistration.remove();
        }
    }

    @Test
    void notificationsNeedATitleAndLinkOnlyInsideTheApp() {
        var aliceId = fx.personOf(alice);
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> notifications.notify(aliceId, " ", null, null)))
                .isInstanceOf(ValidationException.class);
        for (var link : new String[] {"https://evil.example.com", "//evil.example.com", "/promotions/1", "a b"}) {
            assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> notifications.notify(aliceId, "Hi", null, link)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("Notification links point inside Rungs, like promotions/42.");
        }
        assertThat(fx.as(DemoUsers.ADMIN, () -> notifications.unreadCount())).isZero();
    }
}
