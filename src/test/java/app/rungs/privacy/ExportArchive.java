package app.rungs.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An export ZIP read back into memory, entry by entry, for assertions. */
public record ExportArchive(Map<String, byte[]> entries) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ExportArchive read(byte[] zip) {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportArchive(entries);
    }

    public JsonNode json(String name) {
        var bytes = entries.get(name);
        if (bytes == null) {
            throw new AssertionError("No " + name + " in the export; it has " + entries.keySet());
        }
        return JSON.readTree(bytes);
    }

    public String text(String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    /** Every entry as text, to search the whole archive for something that must not be there. */
    public String allText() {
        var all = new StringBuilder();
        entries.values()
                .forEach(b -> all.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }
}
