package app.rungs.privacy.service;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the export ZIP entry by entry straight to the response: nothing but the entry being written is held in
 * memory, so a person with thousands of evidence items and attachments costs no more heap than one with a few.
 */
final class ExportZip implements AutoCloseable {

    private final ZipOutputStream zip;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    ExportZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    void text(String path, String text) {
        bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(String path, byte[] content) {
        try {
            zip.putNextEntry(new ZipEntry(path));
            zip.write(content);
            zip.closeEntry();
            files.add(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void json(String path, Object document) {
        try {
            zip.putNextEntry(new ZipEntry(path));
            json.writeValue(new Unclosable(zip), document);
            zip.closeEntry();
            files.add(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a JSON array whose elements are read page by page: {@code nextPage} gets the last element written
     * (null at first) and answers the next page, empty at the end.
     */
    <T> int jsonArray(String path, Function<T, List<T>> nextPage, Function<T, Object> document) {
        int written = 0;
        try {
            zip.putNextEntry(new ZipEntry(path));
            try (JsonGenerator generator = json.createGenerator(new Unclosable(zip))) {
                generator.writeStartArray();
                T last = null;
                for (var page = nextPage.apply(null); !page.isEmpty(); page = nextPage.apply(last)) {
                    for (Iterator<T> it = page.iterator(); it.hasNext(); ) {
                        last = it.next();
                        generator.writePOJO(document.apply(last));
                        written++;
                    }
                }
                generator.writeEndArray();
            }
            zip.closeEntry();
            files.add(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    void count(String kind, int n) {
        counts.merge(kind, n, Integer::sum);
    }

    List<String> files() {
        return List.copyOf(files);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    @Override
    public void close() {
        try {
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name safe in a ZIP on every system: ASCII letters, digits, dot, dash and underscore. */
    static String safeName(String name) {
        var ascii = Normalizer.normalize(name == null ? "file" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "_")
                .replaceAll("^[._]+", "");
        if (ascii.isEmpty()) {
            ascii = "file";
        }
        return ascii.length() > 100 ? ascii.substring(ascii.length() - 100) : ascii;
    }

    /** "lena-fischer" for "Lena Fischer". */
    static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    /** Keeps Jackson from closing the ZIP after each entry. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
