package app.rungs.ladder.service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes ladder-as-code YAML with Jackson. Reading is strict and defensive: size-capped, no aliases, no
 * unknown or duplicate keys, bounded nesting and value sizes. Errors name the line and field.
 */
public final class LadderYaml {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_VALUE_CHARS = 20_000;

    private final YAMLMapper mapper;

    public LadderYaml() {
        var loadSettings = LoadSettings.builder()
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(0)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_BYTES)
                .build();
        var factory = YAMLFactory.builder()
                .loadSettings(loadSettings)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_VALUE_CHARS)
                        .maxNestingDepth(20)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                .build();
        this.mapper = YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    public String write(LadderDocument document) {
        return mapper.writeValueAsString(document);
    }

    /** A parsed document with the line of every field, for messages about content. */
    public record Parsed(LadderDocument document, Map<String, Integer> lines) {
        public int lineOf(String pointer) {
            var p = pointer;
            while (!p.isEmpty()) {
                var line = lines.get(p);
                if (line != null) {
                    return line;
                }
                p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
            }
            return 1;
        }
    }

    /** Reads and validates a ladder file; throws {@link ImportException} naming every problem's line. */
    public LadderDocument readValidated(byte[] bytes) {
        var parsed = read(bytes);
        var problems = LadderDocumentValidator.validate(parsed.document(), parsed::lineOf);
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return parsed.document();
    }

    public Parsed read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImportException("The file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImportException("The file is larger than " + (MAX_BYTES / 1024 / 1024) + " MB.");
        }
        var text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            throw new ImportException("The file is not valid UTF-8 text.");
        }
        try {
            var lines = lineIndex(bytes);
            var document = mapper.readValue(bytes, LadderDocument.class);
            if (document == null) {
                throw new ImportException("The file holds no ladder.");
            }
            return new Parsed(document, lines);
        } catch (DatabindException e) {
            throw new ImportException(describe(e));
        } catch (StreamReadException e) {
            throw new ImportException(describe(e));
        } catch (ImportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportException(
                    "Line 1: the file is not a readable ladder YAML document (" + firstLine(e.getMessage()) + ").");
        }
    }

    private Map<String, Integer> lineIndex(byte[] bytes) {
        var lines = new HashMap<String, Integer>();
        try (var parser = mapper.createParser(new ByteArrayInputStream(bytes))) {
            Deque<Object> path = new ArrayDeque<>();
            Deque<Integer> arrayIndex = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case PROPERTY_NAME -> {
                        if (!path.isEmpty() && path.peek() instanceof String) {
                            path.pop();
                        }
                        path.push(parser.currentName());
                        lines.put(pointer(path), parser.currentLocation().getLineNr());
                    }
                    case START_ARRAY -> {
                        arrayIndex.push(-1);
                        path.push(-1);
                    }
                    case END_ARRAY -> {
                        arrayIndex.pop();
                        path.pop();
                    }
                    case START_OBJECT -> {
                        bumpIndex(path, arrayIndex, parser.currentLocation().getLineNr(), lines);
                        path.push(new Object());
                    }
                    case END_OBJECT -> {
                        if (!path.isEmpty() && path.peek() instanceof String) {
                            path.pop();
                        }
                        path.pop();
                    }
                    default ->
                        bumpIndex(path, arrayIndex, parser.currentLocation().getLineNr(), lines);
                }
            }
        } catch (RuntimeException e) {
            // Parse errors are reported by the databind pass with their location.
        }
        return lines;
    }

    private static void bumpIndex(Deque<Object> path, Deque<Integer> arrayIndex, int line, Map<String, Integer> lines) {
        if (!path.isEmpty() && path.peek() instanceof Integer i) {
            path.pop();
            path.push(i + 1);
            lines.put(pointer(path), line);
        }
    }

    private static String pointer(Deque<Object> path) {
        var sb = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            var part = it.next();
            if (part instanceof String s) {
                sb.append('/').append(s);
            } else if (part instanceof Integer i) {
                sb.append('/').append(i);
            }
        }
        return sb.toString();
    }

    private static String describe(DatabindException e) {
        var line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        var field = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        var message = e.getOriginalMessage();
        String what;
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            what = "unknown field '" + u.getPropertyName() + "'";
        } else if (message != null && message.contains("Duplicate")) {
            what = "duplicate key: " + firstLine(message);
        } else if (e instanceof tools.jackson.databind.exc.MismatchedInputException) {
            what = "wrong type of value (" + firstLine(message) + ")";
        } else {
            what = firstLine(message);
        }
        return "Line " + line + (field.isEmpty() ? "" : ", field " + field) + ": " + what + ".";
    }

    private static String describe(StreamReadException e) {
        var line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        var message = firstLine(e.getOriginalMessage());
        if (message.contains("Duplicate")) {
            return "Line " + line + ": duplicate key (" + message + ").";
        }
        if (message.toLowerCase().contains("alias")) {
            return "Line " + line + ": YAML aliases and anchors are not allowed in ladder files.";
        }
        if (message.contains("String value length") || message.contains("exceeds the maximum")) {
            return "Line " + line + ": a value is longer than " + MAX_VALUE_CHARS + " characters.";
        }
        if (message.contains("nesting depth")) {
            return "Line " + line + ": the file is nested too deeply.";
        }
        return "Line " + line + ": not valid YAML (" + message + ").";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        var nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    static List<String> allowedSpecializations() {
        return java.util.Arrays.stream(app.rungs.ladder.domain.SpecializationTrack.values())
                .map(Enum::name)
                .toList();
    }
}
