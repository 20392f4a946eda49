package app.rungs.ladder.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Reads and writes ladder-as-code YAML (schema {@value LadderDocument#SCHEMA}, see docs/ladder-yaml-schema.md) with
 * Jackson. Reading is strict and defensive, in two passes over Jackson's YAML token stream:
 *
 * <ol>
 *   <li>a checking pass that refuses aliases, anchors and tags, over-long values and keys, deep nesting and more than
 *       one document, and records the line of every field;
 *   <li>data binding into {@link LadderDocument} with unknown fields, duplicate keys and trailing content refused.
 * </ol>
 *
 * <p>Jackson's YAML parser does not expand aliases (it reports them as the anchor's name), so alias bombs cannot blow
 * up memory; the checking pass refuses them so that an alias never silently becomes text. The byte size is capped
 * before any parsing, and SnakeYAML Engine's code point limit backs that up. Every error names the line.
 */
public final class LadderYaml {

    public static final int MAX_BYTES = LadderFileText.MAX_BYTES;
    static final int MAX_VALUE_CHARS = 20_000;
    static final int MAX_KEY_CHARS = 100;
    static final int MAX_DEPTH = 10;
    static final int MAX_TOKENS = 400_000;

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
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
                .stringQuotingChecker(new PlainWhereSafe())
                .build();
        this.mapper = YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * Quotes only values that would read back as something other than text (null, booleans, numbers, empty); for
     * everything else the YAML emitter picks plain style when that is safe and quotes otherwise, so prose stays
     * readable: long values wrap as plain multi-line scalars instead of escaped, quoted strings.
     */
    private static final class PlainWhereSafe extends StringQuotingChecker {
        @Override
        public boolean needToQuoteName(String name) {
            return StringQuotingChecker.Default.instance().needToQuoteName(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return value.isEmpty() || isReservedKeyword(value) || looksLikeYAMLNumber(value);
        }
    }

    public String write(LadderDocument document) {
        return mapper.writeValueAsString(document);
    }

    /** A parsed document with the line of every field, for messages about content. */
    public record Parsed(LadderDocument document, Map<String, Integer> lines) {

        /** The line of a JSON pointer such as {@code /tiers/0/levels/1/key}, or of its nearest parent. */
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

    /** Parses a ladder file without checking its content; throws {@link ImportException} for unreadable files. */
    public Parsed read(byte[] bytes) {
        var text = LadderFileText.decode(bytes);
        var lines = scan(text);
        LadderDocument document;
        try {
            document = mapper.readValue(text, LadderDocument.class);
        } catch (DatabindException e) {
            throw new ImportException(describe(e, lines));
        } catch (JacksonException e) {
            throw new ImportException(describeSyntax(e));
        }
        if (document == null) {
            throw new ImportException("The file holds no ladder; it starts with 'schema: " + LadderDocument.SCHEMA
                    + "'. See docs/ladder-yaml-schema.md.");
        }
        return new Parsed(document, lines);
    }

    /**
     * Parses another YAML format (a public framework's file, for an import adapter) with the same defences and the
     * same line-numbered messages; returns null when the file holds no document.
     */
    <T> ForeignParsed<T> readForeign(byte[] bytes, Class<T> type) {
        var text = LadderFileText.decode(bytes);
        var lines = scan(text);
        try {
            return new ForeignParsed<>(mapper.readValue(text, type), new Parsed(null, lines));
        } catch (DatabindException e) {
            throw new ImportException(describe(e, lines));
        } catch (JacksonException e) {
            throw new ImportException(describeSyntax(e));
        }
    }

    /** A file in another YAML format, with the line of every field ({@code lines.lineOf(pointer)}). */
    record ForeignParsed<T>(T value, Parsed lines) {}

    // ---------------------------------------------------------------- pass 1: token checks and line index

    private Map<String, Integer> scan(String text) {
        var lines = new HashMap<String, Integer>();
        var path = new ArrayList<Segment>();
        int tokens = 0;
        int documents = 0;
        int lastLine = 1;
        try (var parser = mapper.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                lastLine = line(parser);
                if (++tokens > MAX_TOKENS) {
                    throw new ImportException(
                            "Line " + line(parser) + ": the file has more than " + MAX_TOKENS + " entries.");
                }
                if (path.isEmpty() && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    if (++documents > 1) {
                        throw new ImportException("Line " + line(parser)
                                + ": the file holds more than one YAML document; a ladder file holds exactly one.");
                    }
                }
                switch (token) {
                    case PROPERTY_NAME -> {
                        var name = parser.currentName();
                        var top = path.getLast();
                        top.name = name;
                        if (name.length() > MAX_KEY_CHARS) {
                            throw new ImportException("Line " + line(parser) + ": a key is longer than " + MAX_KEY_CHARS
                                    + " characters.");
                        }
                        lines.putIfAbsent(pointer(path), line(parser));
                        refuseAnchorsAndTags(parser, path);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        enterValue(path, parser, lines);
                        refuseAnchorsAndTags(parser, path);
                        path.add(new Segment(token == JsonToken.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> path.removeLast();
                    default -> {
                        enterValue(path, parser, lines);
                        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                            throw new ImportException(at(parser, path)
                                    + "YAML aliases (*" + parser.getString()
                                    + ") are not allowed in ladder files; write the value out in full.");
                        }
                        refuseAnchorsAndTags(parser, path);
                        if (token == JsonToken.VALUE_STRING && parser.getStringLength() > MAX_VALUE_CHARS) {
                            throw new ImportException(at(parser, path) + "the value is " + parser.getStringLength()
                                    + " characters long; at most " + MAX_VALUE_CHARS + " are allowed.");
                        }
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw new ImportException("Line " + lastLine + ": the file is nested more than " + MAX_DEPTH
                    + " levels deep; a ladder file never needs that.");
        } catch (JacksonException e) {
            throw new ImportException(describeSyntax(e));
        }
        return lines;
    }

    private static void refuseAnchorsAndTags(JsonParser parser, List<Segment> path) {
        var anchor = parser.getObjectId();
        if (anchor != null) {
            throw new ImportException(at(parser, path) + "YAML anchors (&" + anchor
                    + ") are not allowed in ladder files; write every value out in full.");
        }
        var tag = parser.getTypeId();
        if (tag != null) {
            throw new ImportException(
                    at(parser, path) + "YAML tags (" + tag + ") are not allowed in ladder files; write plain values.");
        }
    }

    private static void enterValue(List<Segment> path, JsonParser parser, Map<String, Integer> lines) {
        if (!path.isEmpty() && path.getLast().array) {
            path.getLast().index++;
            lines.putIfAbsent(pointer(path), line(parser));
        }
    }

    private static final class Segment {
        final boolean array;
        String name;
        int index = -1;

        Segment(boolean array) {
            this.array = array;
        }
    }

    private static String pointer(List<Segment> path) {
        var sb = new StringBuilder();
        for (var s : path) {
            if (s.array && s.index >= 0) {
                sb.append('/').append(s.index);
            } else if (!s.array && s.name != null) {
                sb.append('/').append(s.name);
            }
        }
        return sb.toString();
    }

    private static String at(JsonParser parser, List<Segment> path) {
        var field = field(pointer(path));
        return "Line " + line(parser) + (field.isEmpty() ? "" : ", field " + field) + ": ";
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** "/tiers/0/levels/1/key" → "tiers[0].levels[1].key". */
    static String field(String pointer) {
        var sb = new StringBuilder();
        for (var part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- error messages

    private static String describe(DatabindException e, Map<String, Integer> lines) {
        var pointer = new StringBuilder();
        for (var ref : e.getPath()) {
            pointer.append('/')
                    .append(ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()));
        }
        var parsed = new Parsed(null, lines);
        int line = pointer.isEmpty()
                ? (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
                : parsed.lineOf(pointer.toString());
        var field = field(pointer.toString());
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field '" + u.getPropertyName() + "'" + known(u.getKnownPropertyIds());
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("Duplicate")) {
            what = "the key appears twice";
        } else if (e instanceof MismatchedInputException m) {
            if (pointer.isEmpty()) {
                return "Line 1: a ladder file is a YAML mapping that starts with 'schema: " + LadderDocument.SCHEMA
                        + "'.";
            }
            what = "expected " + expected(m.getTargetType()) + found(m.getOriginalMessage());
        } else {
            what = firstLine(e.getOriginalMessage());
        }
        return "Line " + line + (field.isEmpty() ? "" : ", field " + field) + ": " + what + ".";
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return "; allowed here: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of fields";
    }

    private static String found(String message) {
        if (message == null) {
            return "";
        }
        if (message.contains("from Array value")) {
            return ", found a list";
        }
        if (message.contains("from Object value")) {
            return ", found a mapping";
        }
        if (message.contains("from String value") || message.contains("String value (")) {
            return ", found text";
        }
        return "";
    }

    private static String describeSyntax(JacksonException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof MarkedYamlEngineException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MarkedYamlEngineException marked) {
            var problem = marked.getProblem() == null ? "" : marked.getProblem();
            var context = marked.getContext() == null ? "" : " " + marked.getContext();
            // An unclosed quote or bracket is found at the end of the file; where it starts is the useful line.
            var mark =
                    problem.contains("end of stream") && marked.getContextMark().isPresent()
                            ? marked.getContextMark()
                            : marked.getProblemMark();
            int line = mark.map(m -> m.getLine() + 1).orElseGet(() -> lineOf(e));
            if (mark == marked.getContextMark() && !context.isEmpty()) {
                context += " that starts on this line";
            }
            if (problem.contains("found duplicate key")) {
                return "Line " + line + ": " + problem.strip() + "; every key may appear once.";
            }
            return "Line " + line + ": not valid YAML: " + (problem + context).strip() + ".";
        }
        var message = firstLine(e.getOriginalMessage());
        if (message.contains("Duplicate")) {
            return "Line " + lineOf(e) + ": " + message.replace("Duplicate Object property", "duplicate key")
                    + "; every key may appear once in a mapping.";
        }
        if (message.contains("exceeds the limit")) {
            return "The file is larger than " + MAX_BYTES / 1024 / 1024 + " MB.";
        }
        return "Line " + lineOf(e) + ": not valid YAML: " + message + ".";
    }

    private static int lineOf(JacksonException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        var nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    static List<String> allowedSpecializations() {
        return Arrays.stream(app.rungs.ladder.domain.SpecializationTrack.values())
                .map(Enum::name)
                .toList();
    }
}
