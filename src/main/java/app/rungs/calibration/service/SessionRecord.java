package app.rungs.calibration.service;

import app.rungs.calibration.domain.AgendaStateRepository;
import app.rungs.calibration.domain.EntryChangeRepository;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionActionRefused;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's record for its committee, in every status and kept after publishing: the time spent per engineer with
 * totals by team, level and manager, and the change log of ratings and decisions (who, when, from → to, why), also
 * as CSV. Each is one statement, however many engineers and changes.
 */
@Service
public class SessionRecord {

    static final List<String> CHANGE_LOG_HEADER =
            List.of("When (UTC)", "Who", "Engineer", "Field", "From", "To", "Why");

    private final AgendaStateRepository states;
    private final EntryChangeRepository changes;
    private final SessionAccess access;

    SessionRecord(AgendaStateRepository states, EntryChangeRepository changes, SessionAccess access) {
        this.states = states;
        this.changes = changes;
        this.access = access;
    }

    /** Time per engineer (most first) and totals by team, level and manager, from one grouping-sets query. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public TimeReport timeReport(Long sessionId) {
        var a = requireCommittee(sessionId);
        var people = new ArrayList<TimeReport.Line>();
        var teams = new ArrayList<TimeReport.Line>();
        var levels = new ArrayList<TimeReport.Line>();
        var managers = new ArrayList<TimeReport.Line>();
        TimeReport.Line total = new TimeReport.Line("All engineers", null, null, null, 0, 0);
        for (var row : states.report(sessionId)) {
            var kind = (String) row[0];
            var team = (String) row[1];
            var level = (String) row[2];
            var manager = (String) row[3];
            int engineers = ((Number) row[5]).intValue();
            long seconds = ((Number) row[6]).longValue();
            switch (kind) {
                case "PERSON" -> people.add(new TimeReport.Line((String) row[4], team, level, manager, 1, seconds));
                case "TEAM" ->
                    teams.add(
                            new TimeReport.Line(team == null ? "No team" : team, team, null, null, engineers, seconds));
                case "LEVEL" -> levels.add(new TimeReport.Line(level, null, level, null, engineers, seconds));
                case "MANAGER" ->
                    managers.add(new TimeReport.Line(
                            manager == null ? "No manager" : manager, null, null, manager, engineers, seconds));
                default -> total = new TimeReport.Line("All engineers", null, null, null, engineers, seconds);
            }
        }
        return new TimeReport(SessionAccess.details(a), people, teams, levels, managers, total);
    }

    /** The session's changes of ratings and decisions, oldest first, with the reason given for each. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<ChangeLogRow> changeLog(Long sessionId) {
        requireCommittee(sessionId);
        return changes.findLogOf(sessionId).stream()
                .map(row -> new ChangeLogRow(
                        instant(row[0]),
                        (String) row[1],
                        (String) row[2],
                        app.rungs.calibration.domain.EntryField.valueOf((String) row[3])
                                .label(),
                        (String) row[4],
                        (String) row[5],
                        (String) row[6]))
                .toList();
    }

    /** The change log as CSV; cells a spreadsheet would run as a formula are neutralized. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public byte[] changeLogCsv(Long sessionId) {
        var rows = changeLog(sessionId);
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().get())) {
            csv.printRecord(CHANGE_LOG_HEADER);
            for (var r : rows) {
                csv.printRecord(Arrays.asList(
                                r.at().toString(), r.actorName(), r.engineer(), r.field(), r.from(), r.to(), r.reason())
                        .stream()
                        .map(CalibrationCsv::safe)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    private Access requireCommittee(Long sessionId) {
        var a = access.of(sessionId);
        try {
            a.session().require(SessionAction.EXPORT, a.roles());
        } catch (SessionActionRefused refused) {
            throw SessionAccess.refused(refused);
        }
        return a;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("Unexpected time " + value);
        };
    }
}
