package app.rungs.feedback.service;

import app.rungs.feedback.domain.FeedbackAnswer;
import app.rungs.feedback.domain.FeedbackAnswerRepository;
import app.rungs.feedback.domain.FeedbackAsk;
import app.rungs.feedback.domain.FeedbackAskRepository;
import app.rungs.people.service.PersonDirectory;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A peer's side: the form of one request asked of them, the answer per topic, or a decline with a reason. Either is
 * final (decision 0020): an answer others have read cannot change under them. Late answers are accepted; the overdue
 * reminder asks for them.
 */
@Service
public class FeedbackAnswers {

    private final FeedbackAccess access;
    private final FeedbackAskRepository asks;
    private final FeedbackAnswerRepository answers;
    private final PersonDirectory directory;
    private final FeedbackNotifier notifier;
    private final Clock clock;

    FeedbackAnswers(
            FeedbackAccess access,
            FeedbackAskRepository asks,
            FeedbackAnswerRepository answers,
            PersonDirectory directory,
            FeedbackNotifier notifier,
            Clock clock) {
        this.access = access;
        this.asks = asks;
        this.answers = answers;
        this.directory = directory;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** What the signed-in peer is asked in one request: about whom, on what, by when, and whether still open. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public AnswerForm form(Long askId) {
        var ask = access.ownAsk(askId);
        var r = access.request(ask.getRequestId());
        var names = directory.cards(List.of(r.getSubjectId(), r.getRequesterId()));
        var topics = new ArrayList<Topic>();
        for (int i = 0; i < r.getTopicKeys().size(); i++) {
            topics.add(new Topic(r.getTopicKeys().get(i), r.getTopicNames().get(i)));
        }
        return new AnswerForm(
                ask.getId(),
                ask.getVersion(),
                ask.getStatus(),
                names.get(r.getSubjectId()).fullName(),
                names.get(r.getRequesterId()).fullName(),
                r.getMessage(),
                r.getDeadline(),
                topics);
    }

    /** Submits the peer's answer; at least one topic answered, examples with every rating, links http(s) only. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void answer(Long askId, long expectedVersion, List<TopicAnswerInput> input) {
        var ask = pendingAsk(askId, expectedVersion);
        var r = access.request(ask.getRequestId());
        var topics = new HashSet<>(r.getTopicKeys());
        var rows = new ArrayList<FeedbackAnswer>();
        var seen = new HashSet<String>();
        for (var a : input == null ? List.<TopicAnswerInput>of() : input) {
            if (a == null || !topics.contains(a.topicKey())) {
                throw new ValidationException("Answer only the topics you were asked about.");
            }
            if (!seen.add(a.topicKey())) {
                throw new ValidationException("Each topic is answered once.");
            }
            var name = r.getTopicNames().get(r.getTopicKeys().indexOf(a.topicKey()));
            var examples = a.examples() == null ? "" : a.examples().strip();
            var links = links(a.links(), name);
            if (examples.isEmpty()) {
                if (a.rating() != null || !links.isEmpty()) {
                    throw new ValidationException("Add examples to your answer on " + name
                            + ": what you saw them do, so a rating means something.");
                }
                continue;
            }
            if (examples.length() > FeedbackAnswer.MAX_EXAMPLES) {
                throw new ValidationException("The examples on " + name + " are at most " + FeedbackAnswer.MAX_EXAMPLES
                        + " characters long.");
            }
            rows.add(new FeedbackAnswer(ask.getId(), a.topicKey(), a.rating(), examples, links));
        }
        if (rows.isEmpty()) {
            throw new ValidationException("Answer at least one topic with examples, or decline with a reason.");
        }
        ask.answered(Instant.now(clock));
        save(ask);
        answers.saveAllAndFlush(rows);
        notifier.responded(r, ask, asks.findByRequestIdOrderById(r.getId()));
    }

    /** Declines the request with a reason the requester reads. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void decline(Long askId, long expectedVersion, String reason) {
        var ask = pendingAsk(askId, expectedVersion);
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new ValidationException("Say why you decline, so whoever asked can ask someone else.");
        }
        if (text.length() > FeedbackAsk.MAX_REASON) {
            throw new ValidationException("The reason is at most " + FeedbackAsk.MAX_REASON + " characters long.");
        }
        var r = access.request(ask.getRequestId());
        ask.declined(text, Instant.now(clock));
        save(ask);
        notifier.responded(r, ask, asks.findByRequestIdOrderById(r.getId()));
    }

    private FeedbackAsk pendingAsk(Long askId, long expectedVersion) {
        var ask = access.ownAsk(askId);
        if (!ask.isPending()) {
            throw new ValidationException("You already "
                    + ask.getStatus().label().toLowerCase(Locale.ROOT) + " this request; a response is final.");
        }
        if (ask.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Your response to this feedback request");
        }
        return ask;
    }

    private void save(FeedbackAsk ask) {
        try {
            asks.saveAndFlush(ask);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConcurrentEditException("Your response to this feedback request");
        }
    }

    private static List<String> links(List<String> raw, String topic) {
        var result = new ArrayList<String>();
        for (var link : raw == null ? List.<String>of() : raw) {
            if (link == null || link.isBlank()) {
                continue;
            }
            var text = link.strip();
            if (text.length() > FeedbackAnswer.MAX_LINK || !isWebLink(text)) {
                throw new ValidationException("Links on " + topic
                        + " are web addresses starting with https:// or http://, at most "
                        + FeedbackAnswer.MAX_LINK + " characters.");
            }
            result.add(text);
        }
        if (result.size() > FeedbackAnswer.MAX_LINKS) {
            throw new ValidationException("At most " + FeedbackAnswer.MAX_LINKS + " links on " + topic + ".");
        }
        return result;
    }

    private static boolean isWebLink(String text) {
        try {
            var uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
