package app.rungs.shared.service;

import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * How a spreadsheet wrote its CSV: the cell delimiter (comma, semicolon or tab — spreadsheets in locales with a decimal
 * comma write semicolons) and whether the file starts with Excel's {@code sep=;} line. Detected from the first line
 * that is not blank, counting delimiters outside quotes, because the header row names every column.
 */
public record CsvDialect(char delimiter, boolean sepLine) {

    public static final CsvDialect COMMA = new CsvDialect(',', false);

    private static final char[] CANDIDATES = {',', ';', '\t'};

    /** Detects the dialect from the start of a file (at least its first non-blank line). */
    public static CsvDialect detect(CharSequence start) {
        int i = 0;
        // Skip blank lines before the header.
        while (i < start.length() && (start.charAt(i) == '\n' || start.charAt(i) == '\r')) {
            i++;
        }
        int end = i;
        boolean quoted = false;
        while (end < start.length()) {
            char c = start.charAt(end);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            end++;
        }
        var first = start.subSequence(i, end).toString();
        var lower = first.strip().toLowerCase(Locale.ROOT);
        if (lower.length() == 5 && lower.startsWith("sep=")) {
            return new CsvDialect(first.strip().charAt(4), true);
        }
        int[] counts = new int[CANDIDATES.length];
        quoted = false;
        for (int k = 0; k < first.length(); k++) {
            char c = first.charAt(k);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int d = 0; d < CANDIDATES.length; d++) {
                    if (c == CANDIDATES[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < CANDIDATES.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return new CsvDialect(CANDIDATES[best], false);
    }

    /** The given format with this dialect's delimiter. */
    public CSVFormat apply(CSVFormat format) {
        return format.builder().setDelimiter(delimiter).get();
    }

    /** "semicolon", for messages that explain how a file was read. */
    public String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "'" + delimiter + "'";
        };
    }
}
