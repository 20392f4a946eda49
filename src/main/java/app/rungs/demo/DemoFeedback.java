package app.rungs.demo;

import app.rungs.feedback.domain.FeedbackScope;
import app.rungs.feedback.domain.Rating;
import app.rungs.feedback.service.FeedbackAnswers;
import app.rungs.feedback.service.FeedbackQueries;
import app.rungs.feedback.service.FeedbackRequests;
import app.rungs.feedback.service.NewFeedbackRequest;
import app.rungs.feedback.service.TopicAnswerInput;
import app.rungs.promotion.service.Cycles;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the peer feedback of {@code demo/feedback.yaml} through the secured services, signed in as the people who
 * would ask and answer: a request with three answers (Lena reads them anonymized), one with two answers and a decline
 * (below the threshold), a self-request due tomorrow and one that becomes overdue minutes after start.
 *
 * <p>Same enablement as {@link DemoOrganization}; runs after the other demo data, and only while no request exists.
 */
@Component
@Order(42)
class DemoFeedback implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);

    record File(List<Ask> requests) {}

    record Ask(
            String about,
            String by,
            List<String> competencies,
            Integer dueInDays,
            Integer dueInMinutes,
            String cycle,
            String message,
            List<Peer> peers) {
        Ask {
            if ((dueInDays == null) == (dueInMinutes == null)) {
                throw new IllegalArgumentException(
                        "The request about " + about + " needs exactly one of dueInDays and dueInMinutes");
            }
            if (cycle != null && !cycle.equals("current")) {
                throw new IllegalArgumentException(
                        "The request about " + about + " has cycle '" + cycle + "'; use 'current' or leave it out");
            }
        }
    }

    record Peer(String name, Rating rating, LinkedHashMap<String, String> answers, String decline) {
        Peer {
            answers = answers == null ? new LinkedHashMap<>() : answers;
            if (decline != null && !answers.isEmpty()) {
                throw new IllegalArgumentException(name + " both answers and declines; choose one");
            }
        }
    }

    private final DemoSignIn demo;
    private final AccountService accounts;
    private final FeedbackRequests requests;
    private final FeedbackAnswers answers;
    private final FeedbackQueries queries;

    DemoFeedback(
            DemoSignIn demo,
            AccountService accounts,
            FeedbackRequests requests,
            FeedbackAnswers answers,
            FeedbackQueries queries) {
        this.demo = demo;
        this.accounts = accounts;
        this.requests = requests;
        this.answers = answers;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        boolean seed = SystemAuthentication.call(() -> queries.countAll() == 0
                && accounts.findByUsername(DemoPromotions.user("Daniel Okafor")).isPresent());
        if (seed) {
            long started = System.nanoTime();
            var cycle = Cycles.of(LocalDate.now());
            DemoData.read("feedback.yaml", File.class).requests().forEach(a -> ask(a, cycle));
            log.info("Seeded the demo peer feedback in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void ask(Ask a, String cycle) {
        var due = a.dueInDays() != null
                ? Instant.now().plus(Duration.ofDays(a.dueInDays()))
                : Instant.now().plus(Duration.ofMinutes(a.dueInMinutes()));
        var subject = personOf(a.about());
        var peers = a.peers().stream().map(p -> personOf(p.name())).toList();
        demo.as(
                DemoPromotions.user(a.by()),
                () -> requests.request(new NewFeedbackRequest(
                        subject,
                        FeedbackScope.COMPETENCIES,
                        a.competencies(),
                        null,
                        null,
                        peers,
                        due,
                        a.cycle() == null ? null : cycle,
                        a.message())));
        for (var peer : a.peers()) {
            if (peer.answers().isEmpty() && peer.decline() == null) {
                continue;
            }
            demo.run(DemoPromotions.user(peer.name()), () -> respond(a.about(), peer));
        }
    }

    private void respond(String about, Peer peer) {
        var ask = queries.askedOfMe(0, 100).stream()
                .filter(r -> r.subjectName().equals(about) && r.status().name().equals("PENDING"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(peer.name() + " was not asked about " + about));
        var version = answers.form(ask.askId()).version();
        if (peer.decline() != null) {
            answers.decline(ask.askId(), version, peer.decline());
            return;
        }
        answers.answer(
                ask.askId(),
                version,
                peer.answers().entrySet().stream()
                        .map(e -> new TopicAnswerInput(e.getKey(), peer.rating(), e.getValue(), List.of()))
                        .toList());
    }

    private Long personOf(String name) {
        return SystemAuthentication.call(() ->
                accounts.findByUsername(DemoPromotions.user(name)).orElseThrow().personId());
    }
}
