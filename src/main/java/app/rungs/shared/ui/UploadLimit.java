package app.rungs.shared.ui;

import java.util.Locale;

/**
 * How large one kind of upload may be, and what it is called in refusals ("… is 1.2 GB; attachments may be at most
 * 10 MB."). Every upload of Rungs goes through {@link LimitedUploadHandler} with one of these.
 *
 * @param maxFileBytes the most one file may hold
 * @param what the plural name used in messages, e.g. "attachments"
 */
public record UploadLimit(long maxFileBytes, String what) {

    /** The most one session may hold in uploads that are not saved yet, over all its screens. */
    public static final long SESSION_PENDING_MAX_BYTES = 50L * 1024 * 1024;

    /** The most all sessions together may hold in uploads that are not saved yet (disk, not heap). */
    public static final long SERVER_PENDING_MAX_BYTES = 1024L * 1024 * 1024;

    public UploadLimit {
        if (maxFileBytes <= 0 || maxFileBytes > SESSION_PENDING_MAX_BYTES) {
            throw new IllegalArgumentException("A file limit must be positive and fit the session's pending limit");
        }
    }

    /** "… is 1.2 GB; attachments may be at most 10 MB." */
    String tooLarge(String fileName, long size) {
        if (size(size).equals(size(maxFileBytes))) {
            return tooLargeWhileReading(fileName);
        }
        return fileName + " is " + size(size) + "; " + what + " may be at most " + size(maxFileBytes) + ".";
    }

    /** For uploads that do not say their size up front and are cut off at the limit. */
    String tooLargeWhileReading(String fileName) {
        return fileName + " is larger than " + size(maxFileBytes) + "; " + what + " may be at most "
                + size(maxFileBytes) + ".";
    }

    /** A size for people: "512 bytes", "14 KB", "9.9 MB", "120 MB", "1.2 GB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 1024 && unit < units.length - 1);
        // Round down so a file just over a limit never reads as equal to it ("10.0 MB" for 10 MB + 1 byte).
        double tenths = Math.floor(value * 10) / 10;
        var number = tenths >= 10 || tenths == Math.floor(tenths)
                ? String.valueOf((long) Math.floor(value))
                : String.format(Locale.ENGLISH, "%.1f", tenths);
        if (bytes > 0 && number.equals("0")) {
            number = "0.1";
        }
        return number + " " + units[unit];
    }
}
