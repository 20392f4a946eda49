package app.rungs.feedback.service;

import app.rungs.feedback.domain.AskStatus;
import app.rungs.feedback.domain.EngineerVisibility;
import app.rungs.feedback.domain.Rating;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading feedback, with who-sees-what enforced here (decision 0020): the requester, the engineer's manager chain and
 * the readers of her open promotion case see answers with names; the engineer as the organization chooses; a peer
 * only their own answer; anyone else nothing, not even that a request exists.
 */
@Service
public class FeedbackQueries {

    /** Requests shown about one person, newest first (the person tab; older ones stay in the requesters' lists). */
    static final int ABOUT_LIMIT = 50;

    private final FeedbackAccess access;
    private final FeedbackReads reads;
    private final FeedbackSettingsService settings;
    private final JdbcClient jdbc;

    FeedbackQueries(
            FeedbackAccess access, FeedbackReads reads, FeedbackSettingsService settings, DataSource dataSource) {
        this.access = access;
        this.reads = reads;
        this.settings = settings;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** One page of the requests asked of the signed-in user: open ones first, nearest deadline first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AskedRow> askedOfMe(int offset, int limit) {
        var me = FeedbackAccess.me();
        if (me == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.id, s.full_name, q.full_name, array_to_string(r.topic_names, ', '), r.deadline,
                            a.status, a.responded_at
                        from feedback_ask a
                        join feedback_request r on r.id = a.request_id
                        join person s on s.id = r.subject_id
                        join person q on q.id = r.requester_id
                        where a.peer_id = :me
                        order by (a.status = 'PENDING') desc, r.deadline, a.id
                        offset :offset limit :limit""")
                .param("me", me)
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new AskedRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        AskStatus.valueOf(rs.getString(6)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long countAskedOfMe() {
        var me = FeedbackAccess.me();
        return me == null
                ? 0
                : jdbc.sql("select count(*) from feedback_ask where peer_id = :me")
                        .param("me", me)
                        .query(Long.class)
                        .single();
    }

    /** One page of the requests the signed-in user made, newest first, with each peer's status. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<MyRequestRow> myRequests(int offset, int limit) {
        var me = FeedbackAccess.me();
        if (me == null) {
            return List.of();
        }
        return reads.requestedBy(me, offset, limit).stream()
                .map(b -> new MyRequestRow(
                        b.id(),
                        b.subjectId(),
                        b.subjectName(),
                        String.join(", ", b.topicNames()),
                        b.cycle(),
                        b.deadline(),
                        b.createdAt(),
                        b.peers()))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long countMyRequests() {
        var me = FeedbackAccess.me();
        return me == null ? 0 : reads.countRequestedBy(me);
    }

    /** Whether the signed-in user reads any feedback about this person (the person page shows its tab then). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayReadAbout(Long personId) {
        var me = FeedbackAccess.me();
        return me != null && personId != null && (me.equals(personId) || access.readsAttributed(personId));
    }

    /**
     * The requests about a person the signed-in user may see, each as they may see it: everything with names for the
     * manager chain and case readers, the engineer's own view per the organization's choice, a requester outside
     * both their own requests; nobody else anything.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<RequestView> about(Long personId) {
        var me = FeedbackAccess.me();
        if (me == null || personId == null) {
            return List.of();
        }
        Reader reader;
        List<FeedbackReads.Base> found;
        if (me.equals(personId)) {
            reader = Reader.SUBJECT;
            found = reads.about(personId, null, ABOUT_LIMIT);
        } else if (access.readsAttributed(personId)) {
            reader = Reader.ATTRIBUTED;
            found = reads.about(personId, null, ABOUT_LIMIT);
        } else {
            reader = Reader.ATTRIBUTED;
            found = reads.about(personId, me, ABOUT_LIMIT);
        }
        return views(found, reader, me);
    }

    /** One request the signed-in user may read as a whole (not as a peer): not found for anyone else. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public RequestView request(Long requestId) {
        var r = access.request(requestId);
        var reader = access.reader(r);
        if (reader == Reader.PEER || reader == Reader.OUTSIDER) {
            throw FeedbackAccess.notFound();
        }
        var views = views(reads.byId(requestId), reader, FeedbackAccess.me());
        if (views.isEmpty()) {
            throw FeedbackAccess.notFound();
        }
        return views.getFirst();
    }

    /** The signed-in peer's own answer to one request (empty while pending or when declined). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AnswerView> myAnswer(Long askId) {
        var ask = access.ownAsk(askId);
        var r = access.request(ask.getRequestId());
        return jdbc.sql(
                        "select topic_key, rating, examples, links from feedback_answer where ask_id = :ask order by id")
                .param("ask", ask.getId())
                .query((rs, n) -> {
                    int i = r.getTopicKeys().indexOf(rs.getString(1));
                    var links = (Object[]) rs.getArray(4).getArray();
                    return new AnswerView(
                            i < 0 ? rs.getString(1) : r.getTopicNames().get(i),
                            rs.getString(2) == null ? null : Rating.valueOf(rs.getString(2)),
                            rs.getString(3),
                            java.util.Arrays.stream(links).map(String::valueOf).toList(),
                            null,
                            ask.getRespondedAt());
                })
                .list();
    }

    /** How many requests exist at all (the demo seeds only into an empty table). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long countAll() {
        return jdbc.sql("select count(*) from feedback_request")
                .query(Long.class)
                .single();
    }

    private List<RequestView> views(List<FeedbackReads.Base> found, Reader reader, Long me) {
        if (found.isEmpty()) {
            return List.of();
        }
        EngineerVisibility mode = reader == Reader.SUBJECT ? settings.engineerVisibility() : null;
        var answers = reads.answers(found.stream().map(FeedbackReads.Base::id).toList());
        return found.stream()
                .map(b -> FeedbackReads.view(b, answers.getOrDefault(b.id(), List.of()), reader, mode, me))
                .filter(Objects::nonNull)
                .toList();
    }
}
