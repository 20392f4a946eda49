package app.rungs.feedback.service;

import app.rungs.evidence.service.EvidenceService;
import app.rungs.feedback.domain.FeedbackAsk;
import app.rungs.feedback.domain.FeedbackAskRepository;
import app.rungs.feedback.domain.FeedbackRequest;
import app.rungs.feedback.domain.FeedbackRequestRepository;
import app.rungs.feedback.domain.FeedbackScope;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PersonPath;
import app.rungs.people.service.Colleague;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking for peer feedback: an engineer about herself, a manager about someone in their reporting line. Offers the
 * competencies of the engineer's path (current and next level, decision 0014), their acknowledged evidence and their
 * promotion cases the requester sees, and colleagues page by page.
 */
@Service
public class FeedbackRequests {

    static final int MAX_PEERS = 20;
    static final int MAX_TOPICS = 10;
    static final int MAX_MESSAGE = 2000;
    private static final Pattern CYCLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}");

    private final FeedbackAccess access;
    private final FeedbackRequestRepository requests;
    private final FeedbackAskRepository asks;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final EvidenceService evidence;
    private final PromotionQueries promotions;
    private final FeedbackNotifier notifier;
    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackRequests(
            FeedbackAccess access,
            FeedbackRequestRepository requests,
            FeedbackAskRepository asks,
            PersonDirectory directory,
            LadderService ladders,
            EvidenceService evidence,
            PromotionQueries promotions,
            FeedbackNotifier notifier,
            DataSource dataSource,
            Clock clock) {
        this.access = access;
        this.requests = requests;
        this.asks = asks;
        this.directory = directory;
        this.ladders = ladders;
        this.evidence = evidence;
        this.promotions = promotions;
        this.notifier = notifier;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Whether the signed-in user may ask for feedback about this person: themselves, or someone they manage. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayAskAbout(Long subjectId) {
        var me = FeedbackAccess.me();
        return me != null && subjectId != null && (me.equals(subjectId) || access.managesAbove(subjectId));
    }

    /** The competencies of the person's path at their current and next level, in ladder order. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Topic> competencies(Long subjectId) {
        var subject = requireSubject(subjectId);
        if (subject.ladderId() == null) {
            return List.of();
        }
        var ladder = ladders.published(subject.ladderId()).orElse(null);
        if (ladder == null || subject.levelKey() == null) {
            return List.of();
        }
        var path = new PersonPath(subject.trackKey(), subject.specialization());
        var found = new LinkedHashMap<String, Topic>();
        add(found, ladder, subject.levelKey(), path);
        ladder.next(subject.levelKey(), subject.trackKey()).ifPresent(next -> add(found, ladder, next.key(), path));
        return List.copyOf(found.values());
    }

    private static void add(LinkedHashMap<String, Topic> found, LadderContent ladder, String level, PersonPath path) {
        for (var r : ladder.requirementsOf(level, path)) {
            found.putIfAbsent(
                    r.competency().key(),
                    new Topic(r.competency().key(), r.competency().name()));
        }
    }

    /** The person's acknowledged evidence, newest first, to ask about one item. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<PickOption> evidenceOptions(Long subjectId) {
        requireSubject(subjectId);
        return evidence.acknowledged(subjectId, 50).stream()
                .map(e -> new PickOption(e.id(), e.title()))
                .toList();
    }

    /** The person's promotion cases the signed-in user sees, to ask about one. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<PickOption> caseOptions(Long subjectId) {
        requireSubject(subjectId);
        return promotions.casesOf(subjectId).stream()
                .map(c -> new PickOption(c.id(), caseLabel(c.currentLevelKey(), c.targetLevelKey(), c.cycle())))
                .toList();
    }

    /** One page of colleagues whose name contains the text, for the lazy peer picker. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Colleague> peerCandidates(String text, int offset, int limit) {
        return directory.search(text, offset, limit);
    }

    /** Asks the peers; each gets a notification (and email) and reminders before and after the deadline. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long request(NewFeedbackRequest input) {
        if (input == null || input.subjectId() == null) {
            throw new ValidationException("Choose whom the feedback is about.");
        }
        var subject = requireSubject(input.subjectId());
        if (input.scope() == null) {
            throw new ValidationException(
                    "Choose what the feedback is about: competencies, an evidence item or a case.");
        }
        var now = Instant.now(clock);
        if (input.deadline() == null) {
            throw new ValidationException("Choose a deadline for the answers.");
        }
        if (!input.deadline().isAfter(now)) {
            throw new ValidationException("The deadline must be in the future.");
        }
        var cycle = input.cycle() == null || input.cycle().isBlank()
                ? null
                : input.cycle().strip();
        if (cycle != null && !CYCLE.matcher(cycle).matches()) {
            throw new ValidationException("A cycle is a short label like 2026-H2 (letters, digits, spaces, . _ -).");
        }
        var message = input.message() == null || input.message().isBlank()
                ? null
                : input.message().strip();
        if (message != null && message.length() > MAX_MESSAGE) {
            throw new ValidationException("The message to peers is at most " + MAX_MESSAGE + " characters long.");
        }
        var topics = topics(input, subject);
        var peers = peers(input.peerIds(), subject);
        var saved = requests.saveAndFlush(new FeedbackRequest(
                subject.id(),
                FeedbackAccess.me(),
                input.scope(),
                input.scope() == FeedbackScope.EVIDENCE ? input.evidenceId() : null,
                input.scope() == FeedbackScope.CASE ? input.caseId() : null,
                topics.stream().map(Topic::key).toList(),
                topics.stream().map(Topic::name).toList(),
                cycle,
                input.deadline(),
                message,
                now));
        var saving =
                peers.stream().map(p -> new FeedbackAsk(saved.getId(), p.id())).toList();
        var savedAsks = asks.saveAllAndFlush(saving);
        notifier.asked(saved, subject, savedAsks);
        return saved.getId();
    }

    private List<Topic> topics(NewFeedbackRequest input, PersonCard subject) {
        return switch (input.scope()) {
            case COMPETENCIES -> {
                var keys = input.competencyKeys() == null ? List.<String>of() : input.competencyKeys();
                if (keys.isEmpty()) {
                    throw new ValidationException("Choose at least one competency to ask about.");
                }
                if (keys.size() > MAX_TOPICS) {
                    throw new ValidationException("Ask about at most " + MAX_TOPICS + " competencies at a time.");
                }
                var offered = new LinkedHashMap<String, Topic>();
                competencies(subject.id()).forEach(t -> offered.put(t.key(), t));
                var chosen = new ArrayList<Topic>();
                for (var key : new java.util.LinkedHashSet<>(keys)) {
                    var topic = offered.get(key);
                    if (topic == null) {
                        throw new ValidationException(
                                "'" + key + "' is not a competency of " + subject.fullName() + "'s path.");
                    }
                    chosen.add(topic);
                }
                yield chosen;
            }
            case EVIDENCE -> {
                if (input.evidenceId() == null) {
                    throw new ValidationException("Choose the evidence item to ask about.");
                }
                var item = evidence.details(input.evidenceId());
                if (!subject.id().equals(item.ownerId())) {
                    throw new ValidationException("That evidence item is not " + subject.fullName() + "'s.");
                }
                yield List.of(new Topic(FeedbackRequest.OVERALL, "Evidence: " + item.title()));
            }
            case CASE -> {
                if (input.caseId() == null) {
                    throw new ValidationException("Choose the promotion case to ask about.");
                }
                var c = promotions.casesOf(subject.id()).stream()
                        .filter(row -> row.id().equals(input.caseId()))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("Promotion case not found"));
                yield List.of(new Topic(
                        FeedbackRequest.OVERALL,
                        "Promotion case: " + caseLabel(c.currentLevelKey(), c.targetLevelKey(), c.cycle())));
            }
        };
    }

    private List<PersonCard> peers(List<Long> peerIds, PersonCard subject) {
        if (peerIds == null || peerIds.isEmpty()) {
            throw new ValidationException("Choose at least one colleague to ask.");
        }
        if (peerIds.size() > MAX_PEERS) {
            throw new ValidationException("Ask at most " + MAX_PEERS + " colleagues at a time.");
        }
        var cards = directory.cards(peerIds);
        var seen = new HashSet<Long>();
        var result = new ArrayList<PersonCard>();
        for (var id : peerIds) {
            var card = cards.get(id);
            if (card == null || !card.active()) {
                throw new ValidationException("One of the colleagues chosen no longer works here; remove them.");
            }
            if (id.equals(subject.id())) {
                throw new ValidationException(subject.fullName()
                        + " is the person the feedback is about and cannot be asked for it; choose someone else.");
            }
            if (!seen.add(id)) {
                throw new ValidationException(card.fullName() + " is on the list twice; ask each colleague once.");
            }
            result.add(card);
        }
        var alreadyAsked = jdbc.sql("""
                        select a.peer_id from feedback_ask a join feedback_request r on r.id = a.request_id
                        where r.subject_id = :subject and a.status = 'PENDING' and a.peer_id = any(:peers)""")
                .param("subject", subject.id())
                .param("peers", seen.toArray(Long[]::new))
                .query(Long.class)
                .list();
        if (!alreadyAsked.isEmpty()) {
            throw new ValidationException(cards.get(alreadyAsked.getFirst()).fullName()
                    + " has not answered an earlier request about " + subject.fullName()
                    + " yet; wait for that answer instead of asking twice.");
        }
        return result;
    }

    private PersonCard requireSubject(Long subjectId) {
        if (!mayAskAbout(subjectId)) {
            throw new NotFoundException("Person not found");
        }
        return directory.card(subjectId).orElseThrow(() -> new NotFoundException("Person not found"));
    }

    static String caseLabel(String from, String to, String cycle) {
        return from + " → " + to + " · " + cycle;
    }
}
