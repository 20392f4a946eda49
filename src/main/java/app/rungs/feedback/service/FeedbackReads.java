package app.rungs.feedback.service;

import app.rungs.feedback.domain.AskStatus;
import app.rungs.feedback.domain.EngineerVisibility;
import app.rungs.feedback.domain.Rating;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads behind every feedback screen and the packet, each one statement, and the rule that turns a request and
 * its answers into what one reader may see ({@link #view}). Callers decide the {@link Reader} first.
 */
@Component
class FeedbackReads {

    private final JdbcClient jdbc;

    FeedbackReads(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A request with its peers, as read in one statement. */
    record Base(
            Long id,
            Long subjectId,
            String subjectName,
            Long requesterId,
            String requesterName,
            List<String> topicKeys,
            List<String> topicNames,
            String cycle,
            Instant deadline,
            Instant createdAt,
            List<PeerStatus> peers) {

        int count(AskStatus status) {
            return (int) peers.stream().filter(p -> p.status() == status).count();
        }
    }

    /** One stored answer with its peer, before disclosure rules. */
    record Answer(
            Long requestId,
            String peerName,
            String topicKey,
            Rating rating,
            String examples,
            List<String> links,
            Instant answeredAt) {}

    private static final String BASE = """
            select r.id, r.subject_id, s.full_name as subject_name, r.requester_id, q.full_name as requester_name,
                r.topic_keys, r.topic_names, r.cycle, r.deadline, r.created_at,
                array_agg(p.full_name order by p.full_name, a.id) as peer_names,
                array_agg(a.status order by p.full_name, a.id) as peer_statuses,
                array_agg(coalesce(a.decline_reason, '') order by p.full_name, a.id) as peer_reasons
            from feedback_request r
            join person s on s.id = r.subject_id
            join person q on q.id = r.requester_id
            join feedback_ask a on a.request_id = r.id
            join person p on p.id = a.peer_id
            """;

    private static final String GROUP =
            " group by r.id, s.full_name, q.full_name order by r.created_at desc, r.id desc";

    /** Requests the user made, newest first, one page. */
    List<Base> requestedBy(Long requesterId, int offset, int limit) {
        return jdbc.sql(BASE + " where r.requester_id = :me" + GROUP + " offset :offset limit :limit")
                .param("me", requesterId)
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query(FeedbackReads::base)
                .list();
    }

    long countRequestedBy(Long requesterId) {
        return jdbc.sql("select count(*) from feedback_request where requester_id = :me")
                .param("me", requesterId)
                .query(Long.class)
                .single();
    }

    /** Requests about a person (all of them, or only those one requester made), newest first. */
    List<Base> about(Long subjectId, Long onlyRequester, int limit) {
        return jdbc.sql(BASE + " where r.subject_id = :subject and (cast(:requester as bigint) is null"
                        + " or r.requester_id = :requester)" + GROUP + " limit :limit")
                .param("subject", subjectId)
                .param("requester", onlyRequester)
                .param("limit", limit)
                .query(FeedbackReads::base)
                .list();
    }

    List<Base> byId(Long requestId) {
        return jdbc.sql(BASE + " where r.id = :id" + GROUP)
                .param("id", requestId)
                .query(FeedbackReads::base)
                .list();
    }

    /** The answers of these requests, one statement whatever their number. */
    Map<Long, List<Answer>> answers(List<Long> requestIds) {
        var result = new HashMap<Long, List<Answer>>();
        if (requestIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select a.request_id, p.full_name, x.topic_key, x.rating, x.examples, x.links, a.responded_at
                        from feedback_answer x
                        join feedback_ask a on a.id = x.ask_id
                        join person p on p.id = a.peer_id
                        where a.request_id = any(:ids)
                        order by a.request_id, p.full_name, x.id""")
                .param("ids", requestIds.toArray(Long[]::new))
                .query((rs, n) -> new Answer(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4) == null ? null : Rating.valueOf(rs.getString(4)),
                        rs.getString(5),
                        strings(rs.getArray(6)),
                        rs.getTimestamp(7).toInstant()))
                .list()
                .forEach(a -> result.computeIfAbsent(a.requestId(), k -> new ArrayList<>())
                        .add(a));
        return result;
    }

    /**
     * What one reader sees of one request; null when they see nothing of it (an engineer whose organization hides
     * feedback, for a request someone else made). {@code viewerId} tells whether the subject asked herself.
     */
    static RequestView view(Base b, List<Answer> answers, Reader reader, EngineerVisibility mode, Long viewerId) {
        var topics = String.join(", ", b.topicNames());
        int answered = b.count(AskStatus.ANSWERED);
        int declined = b.count(AskStatus.DECLINED);
        if (reader == Reader.ATTRIBUTED) {
            return new RequestView(
                    b.id(),
                    b.subjectName(),
                    b.requesterName(),
                    topics,
                    b.cycle(),
                    b.deadline(),
                    b.peers().size(),
                    answered,
                    declined,
                    b.peers(),
                    Disclosure.ATTRIBUTED,
                    null,
                    attributed(b, answers));
        }
        if (reader != Reader.SUBJECT) {
            return null;
        }
        boolean ownRequest = b.requesterId().equals(viewerId);
        if (mode == EngineerVisibility.HIDDEN && !ownRequest) {
            return null;
        }
        // Who was asked is the subject's to know only when she chose them herself.
        var peers = ownRequest ? b.peers() : List.<PeerStatus>of();
        return switch (mode) {
            case ATTRIBUTED ->
                new RequestView(
                        b.id(),
                        b.subjectName(),
                        b.requesterName(),
                        topics,
                        b.cycle(),
                        b.deadline(),
                        b.peers().size(),
                        answered,
                        declined,
                        peers,
                        Disclosure.ATTRIBUTED,
                        null,
                        attributed(b, answers));
            case ANONYMIZED ->
                answered >= EngineerVisibility.ANONYMITY_THRESHOLD
                        ? new RequestView(
                                b.id(),
                                b.subjectName(),
                                b.requesterName(),
                                topics,
                                b.cycle(),
                                b.deadline(),
                                b.peers().size(),
                                answered,
                                declined,
                                peers,
                                Disclosure.ANONYMIZED,
                                null,
                                anonymized(b, answers))
                        : new RequestView(
                                b.id(),
                                b.subjectName(),
                                b.requesterName(),
                                topics,
                                b.cycle(),
                                b.deadline(),
                                b.peers().size(),
                                answered,
                                declined,
                                peers,
                                Disclosure.WITHHELD,
                                withheld(answered),
                                List.of());
            case HIDDEN ->
                new RequestView(
                        b.id(),
                        b.subjectName(),
                        b.requesterName(),
                        topics,
                        b.cycle(),
                        b.deadline(),
                        b.peers().size(),
                        answered,
                        declined,
                        peers,
                        Disclosure.HIDDEN,
                        "Your organization does not show peer feedback to the person it is about.",
                        List.of());
        };
    }

    static String withheld(int answered) {
        return answered + (answered == 1 ? " answer" : " answers") + " — shown once "
                + EngineerVisibility.ANONYMITY_THRESHOLD + " have answered";
    }

    private static List<AnswerView> attributed(Base b, List<Answer> answers) {
        return answers.stream()
                .sorted(Comparator.comparingInt((Answer a) -> b.topicKeys().indexOf(a.topicKey()))
                        .thenComparing(Answer::peerName))
                .map(a -> new AnswerView(
                        topicName(b, a), a.rating(), a.examples(), a.links(), a.peerName(), a.answeredAt()))
                .toList();
    }

    /** No names, no times, and an order by content alone: nothing tells whose answer is whose. */
    private static List<AnswerView> anonymized(Base b, List<Answer> answers) {
        return answers.stream()
                .sorted(Comparator.comparingInt((Answer a) -> b.topicKeys().indexOf(a.topicKey()))
                        .thenComparing(a -> a.rating() == null ? -1 : a.rating().ordinal())
                        .thenComparing(Answer::examples))
                .map(a -> new AnswerView(topicName(b, a), a.rating(), a.examples(), a.links(), null, null))
                .toList();
    }

    private static String topicName(Base b, Answer a) {
        int i = b.topicKeys().indexOf(a.topicKey());
        return i < 0 ? a.topicKey() : b.topicNames().get(i);
    }

    private static Base base(ResultSet rs, int n) throws SQLException {
        var names = strings(rs.getArray("peer_names"));
        var statuses = strings(rs.getArray("peer_statuses"));
        var reasons = strings(rs.getArray("peer_reasons"));
        var peers = new ArrayList<PeerStatus>(names.size());
        for (int i = 0; i < names.size(); i++) {
            peers.add(new PeerStatus(
                    names.get(i),
                    AskStatus.valueOf(statuses.get(i)),
                    reasons.get(i).isEmpty() ? null : reasons.get(i)));
        }
        return new Base(
                rs.getLong("id"),
                rs.getLong("subject_id"),
                rs.getString("subject_name"),
                rs.getLong("requester_id"),
                rs.getString("requester_name"),
                strings(rs.getArray("topic_keys")),
                strings(rs.getArray("topic_names")),
                rs.getString("cycle"),
                instant(rs.getTimestamp("deadline")),
                instant(rs.getTimestamp("created_at")),
                List.copyOf(peers));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        var values = (Object[]) array.getArray();
        var result = new ArrayList<String>(values.length);
        for (var v : values) {
            result.add(v == null ? "" : v.toString());
        }
        return result;
    }
}
