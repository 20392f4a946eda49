package app.rungs.ladder.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks every uploaded ladder file passes before any parser sees it: not empty, not too large, text rather than
 * binary, valid UTF-8. Also derives keys from names for files and screens that leave keys out.
 */
final class LadderFileText {

    /** The largest ladder file accepted, in bytes; uploads are capped at the same size. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private LadderFileText() {}

    /** Decodes an uploaded file as UTF-8 text, refusing empty, oversized, binary and non-UTF-8 files. */
    static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImportException("The file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImportException("The file is " + megabytes(bytes.length) + " MB; ladder files may be at most "
                    + megabytes(MAX_BYTES) + " MB.");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ImportException("Line " + lineAtByte(bytes, i)
                        + ": the file contains binary data (a NUL byte); ladder files are UTF-8 text.");
            }
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var buffer = ByteBuffer.wrap(bytes);
        try {
            var text = decoder.decode(buffer).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            throw new ImportException("Line " + lineAtByte(bytes, buffer.position())
                    + ": the file is not UTF-8 text (invalid byte 0x"
                    + String.format("%02X", bytes[Math.min(buffer.position(), bytes.length - 1)] & 0xff)
                    + "). Save it as UTF-8 and upload it again.");
        } catch (CharacterCodingException e) {
            throw new ImportException("The file is not UTF-8 text. Save it as UTF-8 and upload it again.");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0).replace(".0", "");
    }

    private static int lineAtByte(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(position, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based line of a character offset in a text. */
    static int lineAt(String text, long offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** An upper-case key for tiers and levels: "Staff Engineer" → "STAFF-ENGINEER". */
    static String upperKey(String name) {
        return slug(name, 40).toUpperCase(Locale.ROOT);
    }

    /** A lower-case key for areas and competencies: "Leader Election" → "leader-election". */
    static String lowerKey(String name, int max) {
        return slug(name, max);
    }

    private static String slug(String name, int max) {
        var normalized = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (normalized.length() > max) {
            normalized = normalized.substring(0, max).replaceAll("-+$", "");
        }
        return normalized;
    }
}
