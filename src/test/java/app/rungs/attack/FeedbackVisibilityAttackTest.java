package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.feedback.FeedbackFixtures;
import app.rungs.feedback.domain.EngineerVisibility;
import app.rungs.feedback.service.AnswerView;
import app.rungs.feedback.service.Disclosure;
import app.rungs.feedback.service.FeedbackAnswers;
import app.rungs.feedback.service.FeedbackQueries;
import app.rungs.feedback.service.FeedbackRequests;
import app.rungs.feedback.service.FeedbackSettingsService;
import app.rungs.feedback.service.RequestView;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who reads peer feedback, attacked from every side through the secured services: the requesting manager, the
 * manager chain and the engineer's case reviewers read it with names; the engineer as the organization chooses
 * (attributed, anonymized only from 3 answers, or nothing), in her screens and her packet alike; a peer only their
 * own answer; another manager, an outsider and an admin without a relation nothing, not even that a request exists.
 */
@IntegrationTest
class FeedbackVisibilityAttackTest {

    @Autowired
    FeedbackRequests requests;

    @Autowired
    FeedbackAnswers answers;

    @Autowired
    FeedbackQueries queries;

    @Autowired
    FeedbackSettingsService settings;

    @Autowired
    List<PacketInputSource> packetSources;

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
    PromotionReviews reviews;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    PromotionFixtures fx;
    FeedbackFixtures feedback;
    String manager;
    String otherManager;
    String subject;
    String outsider;
    String p1;
    String p2;
    String p3;
    String p4;

    @BeforeEach
    void organization() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        feedback = new FeedbackFixtures(fx, requests, answers, queries, settings);
        manager = fx.newManager("Fb Manager");
        otherManager = fx.newManager("Fb Other Manager");
        subject = fx.newEngineer("Fb Subject", "DSE-2", manager);
        outsider = fx.newEngineer("Fb Outsider", "DSE-2", otherManager);
        p1 = fx.newEngineer("Fb Peer One", "DSE-2", otherManager);
        p2 = fx.newEngineer("Fb Peer Two", "DSE-2", otherManager);
        p3 = fx.newEngineer("Fb Peer Three", "DSE-3", otherManager);
        p4 = fx.newEngineer("Fb Peer Four", "DSE-3", manager);
    }

    @AfterEach
    void defaultRule() {
        feedback.rule(EngineerVisibility.ANONYMIZED);
    }

    @Test
    void theRequestingManagerReadsEveryAnswerWithThePeersName() {
        var id = feedback.ask(manager, subject, p1, p2);
        feedback.answer(p1, subject);

        var view = fx.as(manager, () -> queries.request(id));

        assertThat(view.disclosure()).isEqualTo(Disclosure.ATTRIBUTED);
        assertThat(view.answers())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.peerName()).isEqualTo(fx.nameOf(p1)));
        assertThat(view.peers()).extracting(p -> p.status().name()).containsExactlyInAnyOrder("ANSWERED", "PENDING");
    }

    @Test
    void theManagerChainAboveTheRequesterReadsAnswersAttributed() {
        var chainSubject = fx.newEngineer("Fb Chain Subject", "DSE-2", DemoUsers.MANAGER);
        feedback.ask(DemoUsers.MANAGER, chainSubject, p1);
        feedback.answer(p1, chainSubject);

        var seen = fx.as(DemoUsers.DIRECTOR, () -> queries.about(fx.personOf(chainSubject)));

        assertThat(fx.as(DemoUsers.DIRECTOR, () -> queries.mayReadAbout(fx.personOf(chainSubject))))
                .isTrue();
        assertThat(answersOf(seen))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.peerName()).isEqualTo(fx.nameOf(p1)));
    }

    @Test
    void aReviewerOfTheEngineersOpenCaseReadsAnswersAttributed() {
        feedback.ask(manager, subject, p1);
        feedback.answer(p1, subject);
        assertThat(fx.as(outsider, () -> queries.about(fx.personOf(subject)))).isEmpty();

        var caseId = fx.as(manager, () -> promotions.nominate(fx.personOf(subject), "DSE-3", "2026-H2", "Ready."));
        fx.run(manager, () -> reviews.addReviewer(caseId, fx.version(caseId), fx.personOf(outsider)));

        var seen = fx.as(outsider, () -> queries.about(fx.personOf(subject)));
        assertThat(answersOf(seen))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.peerName()).isEqualTo(fx.nameOf(p1)));
    }

    @Test
    void anotherManagerOutsideTheLineLearnsNothingNotEvenThatARequestExists() {
        var id = feedback.ask(manager, subject, p1);
        feedback.answer(p1, subject);

        assertThat(fx.as(otherManager, () -> queries.about(fx.personOf(subject))))
                .isEmpty();
        assertThat(fx.as(otherManager, () -> queries.mayReadAbout(fx.personOf(subject))))
                .isFalse();
        assertThatThrownBy(() -> fx.as(otherManager, () -> queries.request(id)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Feedback request not found");
        assertThatThrownBy(() -> fx.as(otherManager, () -> queries.request(-1L)))
                .as("same answer as for a request that does not exist")
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Feedback request not found");
    }

    @Test
    void anAdminWithoutARelationToTheEngineerReadsNoAnswers() {
        var id = feedback.ask(manager, subject, p1);
        feedback.answer(p1, subject);

        assertThat(fx.as(DemoUsers.ADMIN, () -> queries.about(fx.personOf(subject))))
                .isEmpty();
        assertThatThrownBy(() -> fx.as(DemoUsers.ADMIN, () -> queries.request(id)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOutsiderCannotReadAnswerOrDeclineSomeoneElsesAsk() {
        feedback.ask(manager, subject, p1);
        var askId = feedback.askOf(p1, fx.nameOf(subject));

        assertThat(fx.as(outsider, () -> queries.askedOfMe(0, 50)))
                .noneMatch(a -> a.subjectName().equals(fx.nameOf(subject)));
        assertThatThrownBy(() -> fx.as(outsider, () -> answers.form(askId))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run(outsider, () -> answers.decline(askId, 0, "Not mine")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(outsider, () -> queries.myAnswer(askId))).isInstanceOf(NotFoundException.class);
        assertThat(fx.as(p1, () -> answers.form(askId)).status().name()).isEqualTo("PENDING");
    }

    @Test
    void aPeerReadsOnlyTheirOwnAnswerNeverTheOthersNorTheRequest() {
        var id = feedback.ask(manager, subject, p1, p2);
        feedback.answer(p1, subject);
        feedback.answer(p2, subject);
        var ownAsk = feedback.askOf(p1, fx.nameOf(subject));
        var otherAsk = feedback.askOf(p2, fx.nameOf(subject));

        assertThat(fx.as(p1, () -> queries.myAnswer(ownAsk)))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.examples()).contains(fx.nameOf(p1)));
        assertThatThrownBy(() -> fx.as(p1, () -> queries.myAnswer(otherAsk))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(p1, () -> queries.request(id))).isInstanceOf(NotFoundException.class);
        assertThat(fx.as(p1, () -> queries.about(fx.personOf(subject)))).isEmpty();
    }

    @Test
    void withTwoAnswersTheEngineerSeesOnlyTheCountAndNothingOfTheContent() {
        feedback.rule(EngineerVisibility.ANONYMIZED);
        feedback.ask(manager, subject, p1, p2, p3);
        feedback.answer(p1, subject);
        feedback.answer(p2, subject);

        var seen = fx.as(subject, () -> queries.about(fx.personOf(subject)));

        assertThat(seen).hasSize(1);
        var view = seen.getFirst();
        assertThat(view.disclosure()).isEqualTo(Disclosure.WITHHELD);
        assertThat(view.notice()).isEqualTo("2 answers — shown once 3 have answered");
        assertThat(view.answers()).isEmpty();
        assertThat(view.peers()).as("who was asked is not hers to know").isEmpty();
        assertThat(view.toString()).doesNotContain(fx.nameOf(p1)).doesNotContain("Example by");
        assertThat(engineersPacket()).allSatisfy(text -> assertThat(text).doesNotContain("Example by"));
    }

    @Test
    void withThreeAnswersTheEngineerReadsThemWithoutNamesTimesOrRevealingOrder() {
        feedback.rule(EngineerVisibility.ANONYMIZED);
        feedback.ask(manager, subject, p1, p2, p3);
        feedback.answer(p3, subject);
        feedback.answer(p1, subject);
        feedback.answer(p2, subject);

        var view = fx.as(subject, () -> queries.about(fx.personOf(subject))).getFirst();

        assertThat(view.disclosure()).isEqualTo(Disclosure.ANONYMIZED);
        assertThat(view.answers()).hasSize(6).allSatisfy(a -> {
            assertThat(a.peerName()).isNull();
            assertThat(a.answeredAt()).isNull();
        });
        assertThat(view.peers()).isEmpty();
        // Ordered by topic and content, not by who answered first (p3 did).
        var firstTopic =
                view.answers().stream().limit(3).map(AnswerView::examples).toList();
        assertThat(firstTopic).isSorted();
        assertThat(engineersPacket())
                .anySatisfy(text -> assertThat(text).contains("Example by"))
                .allSatisfy(text -> assertThat(text).doesNotContain("— " + fx.nameOf(p1)));
    }

    @Test
    void whenTheOrganizationHidesFeedbackTheEngineerSeesNothingAnywhere() {
        feedback.rule(EngineerVisibility.HIDDEN);
        feedback.ask(manager, subject, p1, p2, p3);
        feedback.answer(p1, subject);
        feedback.answer(p2, subject);
        feedback.answer(p3, subject);

        assertThat(fx.as(subject, () -> queries.about(fx.personOf(subject)))).isEmpty();
        assertThat(engineersPacket()).isEmpty();
        assertThat(fx.as(manager, () -> answersOf(queries.about(fx.personOf(subject)))))
                .as("the manager still reads them")
                .hasSize(6);
        assertThat(reviewersPacket()).anySatisfy(text -> assertThat(text).contains("— " + fx.nameOf(p1)));
    }

    @Test
    void whenTheOrganizationAttributesFeedbackTheEngineerReadsNamesEvenFromOneAnswer() {
        feedback.rule(EngineerVisibility.ATTRIBUTED);
        feedback.ask(manager, subject, p1, p2);
        feedback.answer(p1, subject);

        var view = fx.as(subject, () -> queries.about(fx.personOf(subject))).getFirst();

        assertThat(view.disclosure()).isEqualTo(Disclosure.ATTRIBUTED);
        assertThat(view.answers())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.peerName()).isEqualTo(fx.nameOf(p1)));
    }

    @Test
    void onlyAnAdminChangesTheOrganizationsRuleAndTheChangeIsRefusedWhenStale() {
        assertThatThrownBy(() -> fx.run(manager, () -> settings.change(EngineerVisibility.ATTRIBUTED, 0)))
                .isInstanceOf(AccessDeniedException.class);
        var version = fx.as(DemoUsers.ADMIN, () -> settings.settings().version());
        fx.run(DemoUsers.ADMIN, () -> settings.change(EngineerVisibility.HIDDEN, version));
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> settings.change(EngineerVisibility.ATTRIBUTED, version)))
                .isInstanceOf(app.rungs.shared.service.ConcurrentEditException.class);
    }

    @Test
    void onlyTheEngineerOrHerManagersAskAboutHer() {
        assertThatThrownBy(() -> feedback.ask(otherManager, subject, p1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feedback.ask(p4, subject, p1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feedback.ask(DemoUsers.ADMIN, subject, p1)).isInstanceOf(NotFoundException.class);
        assertThat(feedback.ask(subject, subject, p1)).isNotNull();
    }

    private static List<AnswerView> answersOf(List<RequestView> views) {
        return views.stream().flatMap(v -> v.answers().stream()).toList();
    }

    private List<String> engineersPacket() {
        return packet(PacketInputSource.Audience.ENGINEER);
    }

    private List<String> reviewersPacket() {
        return packet(PacketInputSource.Audience.REVIEWERS);
    }

    private List<String> packet(PacketInputSource.Audience audience) {
        var request = new PacketInputSource.Request(fx.personOf(subject), null, "2026-H2", audience);
        return fx.as(
                subject,
                () -> packetSources.stream()
                        .map(s -> s.section(request))
                        .flatMap(java.util.Optional::stream)
                        .filter(s -> s.title().equals("Peer feedback"))
                        .flatMap(s -> s.items().stream())
                        .map(i -> i.heading() + " | " + i.text() + " | " + Objects.toString(i.detail()))
                        .toList());
    }
}
