package app.rungs.webhook.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text forms an admin edits on the settings screen: repositories ("owner/name", one a line) and provider users
 * to emails ("login = email", one a line). Parsing either reports every bad line by number.
 */
final class WebhookMappings {

    static final int MAX_LINES = 2000;
    private static final Pattern REPOSITORY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$");
    private static final Pattern USER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private WebhookMappings() {}

    record Parsed<T>(T value, List<String> problems) {}

    /** Repositories, lower-cased (GitHub names are case-insensitive). */
    static Parsed<Set<String>> repositories(String text) {
        var result = new LinkedHashSet<String>();
        var problems = new ArrayList<String>();
        var lines = lines(text, problems);
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!REPOSITORY.matcher(line).matches()) {
                problems.add("Line " + (i + 1) + ": \"" + shorten(line) + "\" is not a repository (owner/name).");
            } else {
                result.add(line.toLowerCase(Locale.ROOT));
            }
        }
        return new Parsed<>(result, problems);
    }

    /** Provider user (lower-cased) to email. */
    static Parsed<Map<String, String>> userEmails(String text) {
        var result = new LinkedHashMap<String, String>();
        var problems = new ArrayList<String>();
        var lines = lines(text, problems);
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            var user = eq < 0 ? "" : line.substring(0, eq).strip();
            var email = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (!USER.matcher(user).matches() || !EMAIL.matcher(email).matches() || email.length() > 254) {
                problems.add("Line " + (i + 1) + ": \"" + shorten(line)
                        + "\" is not \"user = email\" (for example octocat = lena.fischer@example.com).");
            } else if (result.put(user.toLowerCase(Locale.ROOT), email) != null) {
                problems.add("Line " + (i + 1) + ": " + user + " is mapped twice.");
            }
        }
        return new Parsed<>(result, problems);
    }

    /** The text as stored: lines stripped, blank lines dropped, Unix line ends. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return String.join(
                "\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static List<String> lines(String text, List<String> problems) {
        var lines = text == null ? List.<String>of() : text.lines().toList();
        if (lines.size() > MAX_LINES) {
            problems.add("At most " + MAX_LINES + " lines.");
            return List.of();
        }
        return lines;
    }

    private static String shorten(String line) {
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
}
