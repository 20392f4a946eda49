package app.rungs.evidence.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The only links evidence accepts: absolute http and https URLs with a host. */
public final class Links {

    static final int MAX_LENGTH = 2000;

    private Links() {}

    /** Why a link is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String link) {
        if (link == null || link.isBlank()) {
            return Optional.of("a link cannot be empty.");
        }
        var value = link.strip();
        if (value.length() > MAX_LENGTH) {
            return Optional.of("links are at most " + MAX_LENGTH + " characters long.");
        }
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("\"" + shorten(value) + "\" contains spaces or control characters.");
        }
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("\"" + shorten(value) + "\" is not an http or https link.");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("\"" + shorten(value) + "\" has no host name.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("\"" + shorten(value) + "\" is not a valid link.");
        }
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }
}
