package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditChainService;
import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.privacy.service.ErasureService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * GDPR Art. 17 erasure: after erasing a person who left, none of their name, email or text may remain in any text
 * column of any table (audit log included), aggregates stay, and the audit chain still verifies. Erasing an active
 * person, or erasing as a non-admin, changes nothing.
 */
@app.rungs.support.IntegrationTest
class PersonErasureAttackTest {

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    ErasureService erasure;

    @Autowired
    AuditChainService chain;

    @Autowired
    JdbcTemplate jdbc;

    CalibrationFixtures fx;
    EvidenceFixtures ev;

    @BeforeEach
    void fixtures() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        ev = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
    }

    /** Ada (an engineer of the fixture org) with evidence, comments, an attachment, a rated calibration entry. */
    private record Subject(Long personId, String username, String name, String marker, CalibrationFixtures.Org org) {}

    private Subject subjectWithHistory() {
        var org = fx.org();
        var username = org.engineer("Ada");
        var personId = org.person("Ada");
        var name = SystemAuthentication.call(() -> people.details(personId).fullName());
        var marker = "secret-" + UUID.randomUUID();
        var evidenceId =
                ev.as(username, () -> evidenceAuthoring.create(EvidenceFixtures.postmortem("Outage " + marker), true));
        ev.run(username, () -> {
            evidenceReview.comment(evidenceId, "My own remark " + marker);
            evidenceAuthoring.addAttachment(
                    evidenceId, "notes-" + marker + ".txt", ("private " + marker).getBytes(StandardCharsets.UTF_8));
        });
        ev.run(org.managerA(), () -> evidenceReview.comment(evidenceId, "Thanks " + name + ", looks good"));
        var session = fx.session(org, "2026-H2");
        var entry = fx.as(org.director(), () -> boards.board(session).entries()).stream()
                .filter(e -> e.personId().equals(personId))
                .findFirst()
                .orElseThrow();
        fx.run(
                org.managerA(),
                () -> boardEntries.propose(
                        entry.id(), entry.version(), "Exceeds", "Rationale about " + name + " " + marker));
        return new Subject(personId, username, name, marker, org);
    }

    private void leave(Long personId) {
        SystemAuthentication.run(() -> {
            var p = people.details(personId);
            peopleEditing.deactivate(personId, p.version(), LocalDate.now());
        });
    }

    /** Every text, varchar, json(b) and text-array column of every table containing the needle (case-insensitive). */
    private List<String> whereFound(String needle) {
        var columns = jdbc.queryForList("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                   and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea')""");
        var found = new ArrayList<String>();
        for (Map<String, Object> c : columns) {
            var column = "\"" + c.get("column_name") + "\"";
            var asText = "bytea".equals(c.get("data_type")) ? "encode(" + column + ", 'escape')" : column + "::text";
            var hits = jdbc.queryForObject(
                    "select count(*) from \"" + c.get("table_name") + "\" where strpos(lower(" + asText
                            + "), lower(?)) > 0",
                    Long.class,
                    needle);
            if (hits > 0) {
                found.add(c.get("table_name") + "." + c.get("column_name") + " (" + hits + ")");
            }
        }
        return found;
    }

    @Test
    void erasingAPersonWhoLeftLeavesNoTraceOfTheirNameEmailOrTextAndTheChainStaysIntact() {
        var s = subjectWithHistory();
        leave(s.personId());
        assertThat(whereFound(s.name())).isNotEmpty();
        assertThat(whereFound(s.marker())).isNotEmpty();
        long levelHistory = jdbc.queryForObject(
                "select count(*) from level_assignment where person_id = ?", Long.class, s.personId());
        var ratings = jdbc.queryForList(
                "select proposed_rating from calibration_entry where person_id = ?", String.class, s.personId());

        var result = SystemAuthentication.call(() -> erasure.erase(s.personId()));

        assertThat(result.pseudonym()).isEqualTo("Former employee #" + s.personId());
        assertThat(whereFound(s.name())).as("name").isEmpty();
        assertThat(whereFound(s.username())).as("email").isEmpty();
        assertThat(whereFound(s.marker())).as("their texts").isEmpty();
        // Aggregates stay, without identity.
        assertThat(jdbc.queryForObject(
                        "select count(*) from level_assignment where person_id = ?", Long.class, s.personId()))
                .isEqualTo(levelHistory)
                .isPositive();
        assertThat(jdbc.queryForList(
                        "select proposed_rating from calibration_entry where person_id = ?",
                        String.class,
                        s.personId()))
                .isEqualTo(ratings)
                .containsExactly("Exceeds");
        assertThat(jdbc.queryForObject("select full_name from person where id = ?", String.class, s.personId()))
                .isEqualTo(result.pseudonym());
        assertThat(jdbc.queryForObject("select count(*) from app_user where person_id = ?", Long.class, s.personId()))
                .isZero();
        // Their events are redacted (not deleted), the erasure itself is chained, the chain verifies.
        assertThat(result.auditEventsRedacted()).isPositive();
        var erased = jdbc.queryForMap(
                "select actor, summary, after_state::text as after from audit_event"
                        + " where action = 'PERSON_ERASED' and object_id = ?",
                s.personId().toString());
        assertThat(erased.get("actor")).isEqualTo("system");
        assertThat((String) erased.get("summary")).contains(result.pseudonym()).contains("evidence items");
        assertThat((String) erased.get("after")).contains("\"account\": true");
        var report = SystemAuthentication.call(chain::verifyNow);
        assertThat(report.intact()).as(report.message()).isTrue();
        assertThat(report.redactedEvents()).isGreaterThanOrEqualTo(result.auditEventsRedacted());
        // A second erasure is refused.
        assertThatThrownBy(() -> SystemAuthentication.call(() -> erasure.erase(s.personId())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already been erased");
    }

    @Test
    void erasingAnActivePersonIsRefusedAndChangesNothing() {
        var org = fx.org();
        var personId = org.person("Ben");
        var before = snapshot(personId);
        assertThatThrownBy(() -> SystemAuthentication.call(() -> erasure.erase(personId)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("is still active")
                .hasMessageContaining("mark them as left first");
        assertThat(snapshot(personId)).isEqualTo(before);
    }

    @Test
    void aManagerCannotEraseAnyone() {
        var s = fx.org();
        var personId = s.person("Cy");
        leave(personId);
        var before = snapshot(personId);
        assertThatThrownBy(() -> fx.as(DemoUsers.MANAGER, () -> erasure.erase(personId)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(snapshot(personId)).isEqualTo(before);
    }

    private List<Object> snapshot(Long personId) {
        return List.of(
                jdbc.queryForMap("select full_name, email, version, erased_at from person where id = ?", personId),
                jdbc.queryForObject("select count(*) from app_user where person_id = ?", Long.class, personId),
                jdbc.queryForObject("select last_seq from audit_chain_head", Long.class),
                jdbc.queryForObject("select count(*) from audit_event where redacted", Long.class));
    }
}
