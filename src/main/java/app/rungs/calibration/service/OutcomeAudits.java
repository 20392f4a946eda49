package app.rungs.calibration.service;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.fairness.service.DemographicsAccess;
import app.rungs.fairness.service.OutcomeAuditSettingsService;
import app.rungs.shared.service.SmallGroups;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome audit of a locked or published session: final ratings and promotion decisions by team, level, tenure
 * band and manager, and, where the organization records self-reported demographics, by gender and ethnic minority for
 * admins with the explicit permission ({@link DemographicsAccess}). Each breakdown is one aggregate query in
 * PostgreSQL; the small-group rule ({@link SmallGroups}, the organization's minimum) is applied here, before anything
 * leaves the service, for the screen and the CSV alike. Open to the session's committee, who see every entry once the
 * session is locked.
 */
@Service
public class OutcomeAudits {

    static final String NOT_RATED = "Not rated";

    /** The grouping expression of each breakdown and its order; labels are plain SQL text, never user input. */
    private record Dimension(String key, String title, String group, String order, boolean demographic) {}

    private static final String TENURE = """
            case when p.start_date is null then 'Unknown'
                 when p.start_date > ref.day - interval '1 year' then 'Under 1 year'
                 when p.start_date > ref.day - interval '3 years' then '1 to 3 years'
                 when p.start_date > ref.day - interval '5 years' then '3 to 5 years'
                 else '5 years or more' end""";
    private static final String TENURE_ORDER = """
            case when p.start_date is null then 9
                 when p.start_date > ref.day - interval '1 year' then 1
                 when p.start_date > ref.day - interval '3 years' then 2
                 when p.start_date > ref.day - interval '5 years' then 3 else 4 end""";

    private static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("team", "By team", "coalesce(e.team_name, 'No team')", "0", false),
            new Dimension("level", "By level", "e.level_key", "0", false),
            new Dimension("tenure", "By tenure", TENURE, TENURE_ORDER, false),
            new Dimension("manager", "By manager", "coalesce(e.manager_name, 'No manager')", "0", false),
            new Dimension("gender", "By gender (self-reported)", """
                    case d.gender when 'WOMAN' then 'Woman' when 'MAN' then 'Man' when 'NON_BINARY' then 'Non-binary'
                         when 'PREFER_NOT_TO_SAY' then 'Prefer not to say' else 'Not answered' end""", """
                    case d.gender when 'WOMAN' then 1 when 'MAN' then 2 when 'NON_BINARY' then 3
                         when 'PREFER_NOT_TO_SAY' then 4 else 5 end""", true),
            new Dimension("ethnic-minority", "By ethnic minority (self-reported)", """
                    case d.ethnic_minority when 'YES' then 'Ethnic minority' when 'NO' then 'Not an ethnic minority'
                         when 'PREFER_NOT_TO_SAY' then 'Prefer not to say' else 'Not answered' end""", """
                    case d.ethnic_minority when 'YES' then 1 when 'NO' then 2 when 'PREFER_NOT_TO_SAY' then 3
                         else 4 end""", true));

    private final SessionAccess access;
    private final EntityManager em;
    private final OutcomeAuditSettingsService settings;
    private final DemographicsAccess demographics;

    OutcomeAudits(
            SessionAccess access,
            EntityManager em,
            OutcomeAuditSettingsService settings,
            DemographicsAccess demographics) {
        this.access = access;
        this.em = em;
        this.settings = settings;
        this.demographics = demographics;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public OutcomeAudit audit(Long sessionId) {
        var a = access.of(sessionId);
        var status = a.session().getStatus();
        if (status != SessionStatus.LOCKED && status != SessionStatus.PUBLISHED) {
            throw new ValidationException(
                    "The outcome audit opens once the session is locked: until then the outcomes may still change.");
        }
        int minimum = settings.minimumGroupSize();
        var scale = a.session().getRatingScale();
        var columns = new ArrayList<>(scale);
        columns.add(NOT_RATED);
        columns.add("Promoted");
        columns.add("Not yet");
        String note = null;
        boolean withDemographics = false;
        if (!settings.demographicsRecorded()) {
            note = "Your organization does not record demographics.";
        } else if (!demographics.mayViewBreakdowns()) {
            note = "Breakdowns by demographic attributes need an explicit permission that another admin grants.";
        } else {
            withDemographics = true;
        }
        var breakdowns = new ArrayList<OutcomeAudit.Breakdown>();
        for (var d : DIMENSIONS) {
            if (!d.demographic() || withDemographics) {
                breakdowns.add(breakdown(sessionId, d, scale, minimum));
            }
        }
        return new OutcomeAudit(SessionAccess.details(a), minimum, List.copyOf(columns), List.copyOf(breakdowns), note);
    }

    /** The audit as CSV, with exactly what the screen shows: suppressed groups say so and carry no numbers. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public byte[] exportCsv(Long sessionId) {
        var audit = audit(sessionId);
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().get())) {
            var header = new ArrayList<String>(List.of("Breakdown", "Group", "People"));
            header.addAll(audit.columns());
            csv.printRecord(header);
            for (var b : audit.breakdowns()) {
                var rows = new ArrayList<>(b.groups());
                if (b.totals() != null) {
                    rows.add(b.totals());
                }
                for (var g : rows) {
                    var line = new ArrayList<String>(List.of(b.title(), g.label()));
                    if (g.suppressed()) {
                        line.add(g.suppressedAs());
                        audit.columns().forEach(c -> line.add(""));
                    } else {
                        line.add(String.valueOf(g.size()));
                        g.counts().forEach(n -> line.add(String.valueOf(n)));
                    }
                    csv.printRecord(line.stream().map(CalibrationCsv::safe).toList());
                }
                if (b.totals() == null) {
                    csv.printRecord(b.title(), "All", "hidden to protect a small group");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    /** One aggregate query: per group, final rating and decision, the number of engineers. */
    private OutcomeAudit.Breakdown breakdown(Long sessionId, Dimension d, List<String> scale, int minimum) {
        var sql = "select " + d.group() + " as grp, min(" + d.order() + ") as ord, e.final_rating, e.decision,"
                + " count(*)"
                + " from calibration_entry e"
                + " join calibration_session s on s.id = e.session_id"
                + " cross join lateral (select cast(coalesce(s.locked_at, now()) as date) as day) ref"
                + " join person p on p.id = e.person_id"
                + " left join person_demographics d on d.person_id = e.person_id"
                + " where e.session_id = ?1"
                + " group by 1, 3, 4";
        var width = scale.size() + 3;
        var counts = new LinkedHashMap<String, long[]>();
        var order = new LinkedHashMap<String, Integer>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(sql).setParameter(1, sessionId).getResultList();
        for (var r : rows) {
            var group = (String) r[0];
            var row = counts.computeIfAbsent(group, k -> new long[width + 1]);
            order.merge(group, ((Number) r[1]).intValue(), Math::min);
            long n = ((Number) r[4]).longValue();
            int rating = r[2] == null ? -1 : scale.indexOf((String) r[2]);
            row[rating < 0 ? scale.size() : rating] += n;
            if ("PROMOTE".equals(r[3])) {
                row[scale.size() + 1] += n;
            } else if ("NOT_YET".equals(r[3])) {
                row[scale.size() + 2] += n;
            }
            row[width] += n;
        }
        var labels = new ArrayList<>(counts.keySet());
        labels.sort((x, y) -> {
            int c = Integer.compare(order.get(x), order.get(y));
            return c != 0 ? c : x.compareToIgnoreCase(y);
        });
        var sizes = labels.stream().map(l -> counts.get(l)[width]).toList();
        var suppression = SmallGroups.suppress(sizes, minimum);
        var groups = new ArrayList<OutcomeAudit.Group>();
        var totals = new long[width + 1];
        for (int i = 0; i < labels.size(); i++) {
            var row = counts.get(labels.get(i));
            for (int c = 0; c <= width; c++) {
                totals[c] += row[c];
            }
            groups.add(
                    suppression.suppressed(i)
                            ? new OutcomeAudit.Group(labels.get(i), -1, List.of(), suppression.label(i))
                            : group(labels.get(i), row, width));
        }
        return new OutcomeAudit.Breakdown(
                d.key(),
                d.title(),
                d.demographic(),
                List.copyOf(groups),
                suppression.totalShown() ? group("All", totals, width) : null);
    }

    private static OutcomeAudit.Group group(String label, long[] row, int width) {
        var counts = new ArrayList<Long>();
        for (int c = 0; c < width; c++) {
            counts.add(row[c]);
        }
        return new OutcomeAudit.Group(label, row[width], List.copyOf(counts), null);
    }
}
