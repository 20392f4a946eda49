package app.rungs.evidence.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;

/** Recognizes the attachment types evidence accepts by their content (magic bytes), not only by their name. */
public final class AttachmentTypes {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final String ACCEPTED = "PDF, PNG, JPEG, plain text and Markdown";
    /** For the upload component's file picker; the server checks the content anyway. */
    public static final String[] EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".txt", ".md", ".markdown"};

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    /** Enough leading bytes for every magic number above. */
    private static final int HEAD = 8;

    private AttachmentTypes() {}

    /** Why a file cannot be attached, or empty when it can; the service checks again when it is stored. */
    public static Optional<String> problem(String fileName, byte[] content) {
        return problem(fileName, content == null ? 0 : content.length, bytes(content));
    }

    /**
     * Why a file cannot be attached, or empty when it can. Reads the content as a stream: its first bytes, and for
     * text all of it in small pieces, so a file is never held whole.
     */
    public static Optional<String> problem(String fileName, long size, InputStreamSource content) {
        var name = cleanName(fileName);
        if (name.isEmpty()) {
            return Optional.of("The file needs a name.");
        }
        if (size <= 0) {
            return Optional.of(name + " is empty.");
        }
        if (size > MAX_BYTES) {
            return Optional.of(name + " is larger than 10 MB, the limit for attachments.");
        }
        try {
            mediaType(name, content);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The media type of the content, checked against the file name's extension.
     *
     * @throws IllegalArgumentException with a message for the user when the file is not acceptable
     */
    static String mediaType(String fileName, byte[] content) {
        return mediaType(fileName, bytes(content));
    }

    /**
     * The media type of the content, read as a stream and checked against the file name's extension.
     *
     * @throws IllegalArgumentException with a message for the user when the file is not acceptable or unreadable
     */
    static String mediaType(String fileName, InputStreamSource content) {
        var ext = extension(fileName);
        try {
            return switch (ext) {
                case "pdf" -> expect(fileName, content, PDF, "application/pdf", "a PDF document");
                case "png" -> expect(fileName, content, PNG, "image/png", "a PNG image");
                case "jpg", "jpeg" -> expect(fileName, content, JPEG, "image/jpeg", "a JPEG image");
                case "txt" -> text(fileName, content, "text/plain");
                case "md", "markdown" -> text(fileName, content, "text/markdown");
                default ->
                    throw new IllegalArgumentException(
                            fileName + " cannot be attached: only " + ACCEPTED + " files are accepted.");
            };
        } catch (IOException e) {
            throw new IllegalArgumentException(fileName + " could not be read; upload it again.");
        }
    }

    private static InputStreamSource bytes(byte[] content) {
        var copy = content == null ? new byte[0] : content;
        return () -> new ByteArrayInputStream(copy);
    }

    private static byte[] head(InputStreamSource content) throws IOException {
        try (var in = content.getInputStream()) {
            return in.readNBytes(HEAD);
        }
    }

    private static String expect(String fileName, InputStreamSource content, byte[] magic, String type, String what)
            throws IOException {
        if (!startsWith(head(content), magic)) {
            throw new IllegalArgumentException(fileName + " is not " + what + ": its content does not match its name.");
        }
        return type;
    }

    private static String text(String fileName, InputStreamSource content, String type) throws IOException {
        var head = head(content);
        if (startsWith(head, PDF) || startsWith(head, PNG) || startsWith(head, JPEG)) {
            throw new IllegalArgumentException(fileName + " is not a text file: its content is binary.");
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = new InputStreamReader(content.getInputStream(), decoder)) {
            var buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    // U+0000 in UTF-8 is the byte 0, the mark of a binary file.
                    if (buffer[i] == 0) {
                        throw new IllegalArgumentException(fileName + " is not a text file: its content is binary.");
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(fileName + " is not UTF-8 text.");
        }
        return type;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A file name safe to store and to send back: no path, no control characters, at most 255 characters. */
    static String cleanName(String fileName) {
        var name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 255) {
            var ext = extension(name);
            name = name.substring(0, 250 - ext.length()) + "." + ext;
        }
        return name;
    }
}
