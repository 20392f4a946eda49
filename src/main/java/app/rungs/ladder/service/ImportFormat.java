package app.rungs.ladder.service;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The file formats a ladder can be imported from: Rungs' own YAML and CSV, and adapters for frameworks an
 * organization may already keep its ladder in. The format is detected from the file name and its first lines unless
 * the person importing chooses one.
 */
public enum ImportFormat {
    LADDER_YAML("Rungs ladder YAML (rungs.ladder/v1)"),
    LADDER_CSV("Rungs ladder CSV (tier, level, area, competency, …)"),
    FT_PROGRESSION("Financial Times engineering-progression YAML"),
    CRITERIA_SHEET("Levels × competencies sheet, one criterion per row (CSV)");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the format carries the ladder's name (CSV sheets do not; the person importing names the ladder). */
    public boolean carriesName() {
        return this == LADDER_YAML || this == FT_PROGRESSION;
    }

    /** The format of an uploaded file, from its extension and, to tell formats of one extension apart, its start. */
    public static ImportFormat detect(String fileName, byte[] bytes) {
        var base = LadderFormat.ofFileName(fileName);
        var start = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.UTF_8);
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1);
        }
        if (base == LadderFormat.YAML) {
            return FtProgressionAdapter.looksLike(start) ? FT_PROGRESSION : LADDER_YAML;
        }
        var first = CsvGrid.firstRow(start);
        var header = first.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        boolean ladderCsv = header.contains("tier") && header.contains("examples");
        return !ladderCsv && CriteriaSheetAdapter.columns(first) != null ? CRITERIA_SHEET : LADDER_CSV;
    }
}
