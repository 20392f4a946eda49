package app.rungs.audit.service;

import app.rungs.audit.domain.AuditEvent;
import app.rungs.audit.domain.AuditEventRepository;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records who changed what, in the same transaction as the change, and lets admins read the log.
 *
 * <p>Every feature calls {@link #record} from inside its own transactional service method, so a rolled-back change
 * leaves no audit event behind and a committed one always has its event.
 */
@Service
public class AuditService {

    private final AuditEventRepository events;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditService(AuditEventRepository events, JdbcTemplate jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    /** Records a change; joins the caller's transaction. Before/after are serialized to JSON when given. */
    @Transactional(propagation = Propagation.REQUIRED)
    @PreAuthorize("permitAll()")
    public void record(String action, String objectType, Object objectId, String summary, Object before, Object after) {
        events.save(new AuditEvent(
                Instant.now(clock),
                actor(),
                action,
                objectType,
                objectId == null ? null : objectId.toString(),
                truncate(summary, 1000),
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after)));
    }

    /**
     * Records many changes of one bulk operation (an HRIS import of 100,000 people) in the caller's transaction, each
     * an event of its own and chained like any other, written as batched multi-row inserts instead of one entity per
     * event. The ids come from the same sequence, one value each, so they never meet the entities' pooled ids.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("permitAll()")
    public void recordAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        var ids = jdbc.queryForList(
                "select nextval('audit_event_seq') from generate_series(1, ?)", Long.class, records.size());
        var at = java.sql.Timestamp.from(Instant.now(clock));
        var actor = actor();
        var args = new ArrayList<Object[]>(records.size());
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            args.add(new Object[] {
                ids.get(i),
                at,
                actor,
                r.action(),
                r.objectType(),
                r.objectId() == null ? null : r.objectId().toString(),
                truncate(r.summary(), 1000),
                r.before() == null ? null : json.writeValueAsString(r.before()),
                r.after() == null ? null : json.writeValueAsString(r.after())
            });
        }
        jdbc.batchUpdate(
                "insert into audit_event (id, occurred_at, actor, action, object_type, object_id, summary,"
                        + " before_state, after_state) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
                args);
    }

    /** Records an event whose actor is known explicitly (sign-in attempts happen before authentication). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @PreAuthorize("permitAll()")
    public void recordSecurityEvent(String actor, String action, String summary) {
        events.save(new AuditEvent(
                Instant.now(clock),
                truncate(actor, 254),
                action,
                "Account",
                null,
                truncate(summary, 1000),
                null,
                null));
    }

    /**
     * Records the PERSON_ERASED event of an erasure and pseudonymizes the person's data in earlier events (see
     * {@link PersonalDataRedaction}) without touching their chained hashes; the database permits exactly this update
     * of an audit event, and only for rows it marks redacted by this erasure event. Runs in the erasure's transaction.
     *
     * @return how many events were redacted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("hasRole('ADMIN')")
    public int recordErasure(Object personId, String summary, Object after, PersonalDataRedaction redaction) {
        var erasure = events.saveAndFlush(new AuditEvent(
                Instant.now(clock),
                actor(),
                "PERSON_ERASED",
                "Person",
                personId.toString(),
                truncate(summary, 1000),
                null,
                after == null ? null : json.writeValueAsString(after)));
        var usernames = String.join("\n", redaction.usernames());
        var objects = String.join("\n", redaction.objects());
        var p = redaction.pattern();
        var pseudonym = redaction.pseudonym();
        var owned = "(object_type || '/' || object_id) = any(string_to_array(?, chr(10)))";
        return jdbc.update(
                "update audit_event set"
                        + " actor = case when lower(actor) = any(string_to_array(?, chr(10))) then ?"
                        + "   else regexp_replace(actor, ?, ?, 'gi') end,"
                        + " summary = case when " + owned + " then ? else regexp_replace(summary, ?, ?, 'gi') end,"
                        + " before_state = case when " + owned + " then null"
                        + "   else regexp_replace(before_state::text, ?, ?, 'gi')::jsonb end,"
                        + " after_state = case when " + owned + " then null"
                        + "   else regexp_replace(after_state::text, ?, ?, 'gi')::jsonb end,"
                        + " redacted = true, redaction_event_id = ?"
                        + " where id <> ? and (lower(actor) = any(string_to_array(?, chr(10))) or " + owned
                        + "   or summary ~* ? or actor ~* ? or before_state::text ~* ? or after_state::text ~* ?)",
                usernames,
                pseudonym,
                p,
                pseudonym,
                objects,
                "Personal data erased (" + pseudonym + ")",
                p,
                pseudonym,
                objects,
                p,
                pseudonym,
                objects,
                p,
                pseudonym,
                erasure.getId(),
                erasure.getId(),
                usernames,
                objects,
                p,
                p,
                p,
                p);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEntry> find(AuditFilter filter, Pageable page) {
        return events.findAll(toSpecification(filter), page).stream()
                .map(AuditService::toEntry)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long count(AuditFilter filter) {
        return events.count(toSpecification(filter));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> actions() {
        return events.findDistinctActions();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> objectTypes() {
        return events.findDistinctObjectTypes();
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static AuditEntry toEntry(AuditEvent e) {
        return new AuditEntry(
                e.getId(),
                e.getOccurredAt(),
                e.getActor(),
                e.getAction(),
                e.getObjectType(),
                e.getObjectId(),
                e.getSummary(),
                e.getBeforeState(),
                e.getAfterState(),
                e.isRedacted());
    }

    private Specification<AuditEvent> toSpecification(AuditFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (notBlank(filter.actor())) {
                predicates.add(cb.like(cb.lower(root.get("actor")), like(filter.actor())));
            }
            if (notBlank(filter.action())) {
                predicates.add(cb.equal(root.get("action"), filter.action()));
            }
            if (notBlank(filter.objectType())) {
                predicates.add(cb.equal(root.get("objectType"), filter.objectType()));
            }
            if (notBlank(filter.text())) {
                predicates.add(cb.or(
                        cb.like(cb.lower(root.get("summary")), like(filter.text())),
                        cb.like(cb.lower(cb.coalesce(root.get("objectId"), "")), like(filter.text()))));
            }
            var zone = ZoneId.systemDefault();
            if (filter.from() != null) {
                predicates.add(cb.greaterThanOrEqualTo(
                        root.get("occurredAt"), filter.from().atStartOfDay(zone).toInstant()));
            }
            if (filter.to() != null) {
                predicates.add(cb.lessThan(
                        root.get("occurredAt"),
                        filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String s) {
        return "%"
                + s.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }
}
