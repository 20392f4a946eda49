package app.rungs.calibration.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results of a session as CSV. Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or carriage return) get a leading apostrophe, so opening the export never executes anything.
 */
public final class CalibrationCsv {

    static final List<String> HEADER = List.of(
            "Engineer",
            "Team",
            "Manager",
            "Level",
            "Level since",
            "Last cycle",
            "Proposed rating",
            "Rationale",
            "Final rating",
            "Promotion case",
            "Decision",
            "Feedback",
            "Notes");

    private CalibrationCsv() {}

    static byte[] write(List<BoardEntry> entries, Map<Long, Board.LastOutcome> lastCycle) {
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().get())) {
            csv.printRecord(HEADER);
            for (var e : entries) {
                var last = lastCycle.get(e.personId());
                csv.printRecord(java.util.Arrays.asList(
                                e.personName(),
                                e.teamName(),
                                e.managerName(),
                                e.levelKey(),
                                e.levelSince() == null ? "" : e.levelSince().toString(),
                                last == null ? "" : last.rating() + " (" + last.cycle() + ")",
                                e.proposedRating(),
                                e.proposalRationale(),
                                e.finalRating(),
                                e.caseTargetLevel() == null ? "" : "→ " + e.caseTargetLevel(),
                                e.decision() == null
                                        ? "Undecided"
                                        : e.decision().label(),
                                e.feedback(),
                                e.notes())
                        .stream()
                        .map(CalibrationCsv::safe)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A byte order mark lets spreadsheet programs read the UTF-8 names correctly.
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    /** "calibration-2026-H2-storage-streaming.csv" */
    public static String fileName(SessionDetails session) {
        var slug = session.name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        var cycle = session.cycle().replaceAll("[^A-Za-z0-9-]+", "-");
        return "calibration-" + (slug.startsWith(cycle.toLowerCase(Locale.ROOT)) ? slug : cycle + "-" + slug) + ".csv";
    }

    /** Neutralizes spreadsheet formulas: a cell starting with = + - @ (or tab / CR) gets a leading apostrophe. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
