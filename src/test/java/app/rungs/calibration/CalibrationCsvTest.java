package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationCsv;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The CSV export of a session's results, safe to open in a spreadsheet. */
@IntegrationTest
class CalibrationCsvTest {

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationPreparation preparations;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    SessionLifecycle lifecycle;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void formulasAreNeutralizedWithALeadingApostrophe() {
        assertThat(CalibrationCsv.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CalibrationCsv.safe("+1")).isEqualTo("'+1");
        assertThat(CalibrationCsv.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CalibrationCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CalibrationCsv.safe("\tx")).isEqualTo("'\tx");
        assertThat(CalibrationCsv.safe("Meets")).isEqualTo("Meets");
        assertThat(CalibrationCsv.safe("a=b")).isEqualTo("a=b");
        assertThat(CalibrationCsv.safe(null)).isEmpty();
    }

    @Test
    void theCommitteeExportsTheResultsOfASession() throws Exception {
        var fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        var org = fx.org();
        var id = fx.session(org, "2026-H2");
        fx.run(org.managerA(), () -> {
            for (var e : preparations.preparation(id).mine()) {
                boardEntries.propose(e.id(), e.version(), "Exceeds", "=cmd|' /C calc'!A0");
            }
        });
        fx.run(org.director(), () -> lifecycle.start(id, sessions.session(id).version()));
        var ada = fx.as(org.director(), () -> boards.board(id).entries()).stream()
                .filter(e -> e.personId().equals(org.person("Ada")))
                .findFirst()
                .orElseThrow();
        fx.as(
                org.director(),
                () -> boardEntries.edit(
                        ada.id(), ada.version(), EntryEdit.of(ada).withNotes("@risk, \"quoted\", two\nlines")));

        var bytes = fx.as(org.managerB(), () -> boards.exportCsv(id));
        var text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFEngineer,Team,Manager,Level,");
        var records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text.substring(1)))
                .getRecords();
        assertThat(records).hasSize(5);
        var adaRow = records.stream()
                .filter(r -> r.get("Engineer").startsWith("Test Ada"))
                .findFirst()
                .orElseThrow();
        assertThat(adaRow.get("Team")).isEqualTo(org.teamName());
        assertThat(adaRow.get("Level")).isEqualTo("DSE-3");
        assertThat(adaRow.get("Proposed rating")).isEqualTo("Exceeds");
        assertThat(adaRow.get("Final rating")).isEqualTo("Exceeds");
        assertThat(adaRow.get("Rationale")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(adaRow.get("Notes")).isEqualTo("'@risk, \"quoted\", two\nlines");
        assertThat(adaRow.get("Decision")).isEqualTo("No case");
        assertThat(CalibrationCsv.fileName(fx.as(org.director(), () -> sessions.session(id))))
                .matches("calibration-2026-H2-session-[a-z0-9-]+\\.csv");
    }
}
