package app.rungs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the compiler hides from ArchUnit: a reference to another class's compile-time constant ({@code static final}
 * String or primitive) is inlined into the bytecode, so {@code Role.ADMIN_NAME} in an annotation left no trace of the
 * dependency on {@code security}. This reads the Java sources instead: it finds every reference to a known constant
 * (through a single-type, on-demand or static import, or a fully qualified name) and every string literal used as a
 * role in {@code @RolesAllowed}.
 */
final class SourceReferences {

    /** A constant that may be inlined: its owner in source form ({@code a.b.Outer.Inner}) and its name. */
    record Constant(String owner, String name) {
        String feature() {
            return SourceReferences.feature(owner);
        }

        @Override
        public String toString() {
            return owner + "." + name;
        }
    }

    /** One Java source file: its package, its class (source form), its text without comments. */
    record SourceFile(String path, String packageName, String className, String code) {
        String feature() {
            return SourceReferences.feature(className);
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("(?<![\\w.$])[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+");
    private static final Pattern ROLES_ALLOWED =
            Pattern.compile("@(?:jakarta\\.annotation\\.security\\.)?RolesAllowed\\s*\\(");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Set<String>> constantsByOwner = new HashMap<>();

    SourceReferences(Iterable<Constant> constants) {
        constants.forEach(c -> constantsByOwner
                .computeIfAbsent(c.owner(), o -> new LinkedHashSet<>())
                .add(c.name()));
    }

    /** The top-level package under app.rungs ("" for the root package, or for a name outside the app). */
    static String feature(String qualifiedName) {
        if (!qualifiedName.startsWith("app.rungs.")) {
            return "";
        }
        var rest = qualifiedName.substring("app.rungs.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(0, dot);
    }

    static List<SourceFile> read(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .sorted()
                    .map(p -> parse(root.relativize(p).toString(), read1(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read1(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceFile parse(String path, String text) {
        var code = withoutComments(text);
        var pkg = PACKAGE.matcher(code);
        var packageName = pkg.find() ? pkg.group(1) : "";
        var fileName = Path.of(path).getFileName().toString().replace(".java", "");
        return new SourceFile(path, packageName, packageName.isEmpty() ? fileName : packageName + "." + fileName, code);
    }

    /** The constants of known classes that the file refers to, in the order they first appear. */
    Set<Constant> constantsReferencedBy(SourceFile file) {
        var code = blankStrings(file.code());
        var simpleNames = new HashMap<String, String>();
        var onDemandPackages = new ArrayList<String>();
        var staticNames = new HashMap<String, String>();
        var staticOnDemand = new ArrayList<String>();
        var found = new LinkedHashSet<Constant>();
        var imports = IMPORT.matcher(code);
        while (imports.find()) {
            boolean isStatic = imports.group(1) != null;
            var name = imports.group(2);
            boolean onDemand = imports.group(3) != null;
            if (isStatic && onDemand) {
                staticOnDemand.add(name);
            } else if (isStatic) {
                int dot = name.lastIndexOf('.');
                staticNames.put(name.substring(dot + 1), name.substring(0, dot));
                addIfConstant(found, name.substring(0, dot), name.substring(dot + 1));
            } else if (onDemand) {
                onDemandPackages.add(name);
            } else {
                simpleNames.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        var body = IMPORT.matcher(code).replaceAll("");
        var names = QUALIFIED_NAME.matcher(body);
        while (names.find()) {
            var parts = names.group().replaceAll("\\s+", "").split("\\.");
            for (int split = parts.length - 1; split >= 1; split--) {
                var owner = resolve(
                        String.join(".", List.of(parts).subList(0, split)),
                        file.packageName(),
                        simpleNames,
                        onDemandPackages);
                if (owner != null && addIfConstant(found, owner, parts[split])) {
                    break;
                }
            }
        }
        var words = Pattern.compile("(?<![\\w.$])[A-Z_][A-Z0-9_]*\\b").matcher(body);
        while (words.find()) {
            var word = words.group();
            var owner = staticNames.get(word);
            if (owner != null) {
                addIfConstant(found, owner, word);
            }
            for (var candidate : staticOnDemand) {
                addIfConstant(found, candidate, word);
            }
        }
        return found;
    }

    private String resolve(
            String qualifier, String packageName, Map<String, String> simpleNames, List<String> onDemandPackages) {
        if (constantsByOwner.containsKey(qualifier)) {
            return qualifier;
        }
        int dot = qualifier.indexOf('.');
        var first = dot < 0 ? qualifier : qualifier.substring(0, dot);
        var rest = dot < 0 ? "" : qualifier.substring(dot);
        if (simpleNames.containsKey(first)) {
            return simpleNames.get(first) + rest;
        }
        for (var pkg : onDemandPackages) {
            if (constantsByOwner.containsKey(pkg + "." + qualifier)) {
                return pkg + "." + qualifier;
            }
        }
        var samePackage = packageName + "." + qualifier;
        return constantsByOwner.containsKey(samePackage) ? samePackage : null;
    }

    private boolean addIfConstant(Set<Constant> found, String owner, String name) {
        if (constantsByOwner.getOrDefault(owner, Set.of()).contains(name)) {
            found.add(new Constant(owner, name));
            return true;
        }
        return false;
    }

    /** Every string literal written inside a {@code @RolesAllowed(...)}: roles must be named through AppRoles. */
    static List<String> roleLiteralsInRolesAllowed(SourceFile file) {
        var literals = new ArrayList<String>();
        var code = file.code();
        var annotations = ROLES_ALLOWED.matcher(code);
        while (annotations.find()) {
            int depth = 1;
            int i = annotations.end();
            boolean inString = false;
            for (; i < code.length() && depth > 0; i++) {
                char c = code.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            }
            var arguments = STRING_LITERAL.matcher(code.substring(annotations.end(), i));
            while (arguments.find()) {
                literals.add(arguments.group(1));
            }
        }
        return literals;
    }

    /** The source with comments replaced by spaces; string, text-block and char literals are kept. */
    static String withoutComments(String source) {
        var out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                out.append(" ".repeat(end - i));
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The code with the contents of string, text-block and char literals blanked, so names in text do not count. */
    static String blankStrings(String code) {
        var out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                end = end < 0 ? code.length() : end + 3;
                code.substring(i, end).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != c) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, code.length());
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
