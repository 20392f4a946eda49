package app.rungs.security.web;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads {@code rungs.security.trusted-proxies}: either a comma-separated list of IP addresses and CIDR ranges
 * ({@code 10.0.0.5, 10.1.0.0/16, fd00::/8}) or, when it starts with {@code regex:}, a Java regular expression
 * matched against the proxy's address. Empty: no proxy is trusted.
 */
final class TrustedProxies {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

    private TrustedProxies() {}

    /** The value for Tomcat's RemoteIpValve internalProxies (a CIDR list when it holds a '/', else a regex). */
    static String toTomcatInternalProxies(String property) {
        var value = property == null ? "" : property.strip();
        if (value.isEmpty()) {
            return "";
        }
        if (value.startsWith("regex:")) {
            var regex = value.substring("regex:".length());
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("rungs.security.trusted-proxies: not a valid regular expression", e);
            }
            return regex;
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::cidr)
                .collect(Collectors.joining(","));
    }

    private static String cidr(String entry) {
        if (!ADDRESS.matcher(entry).matches()) {
            throw new IllegalArgumentException("rungs.security.trusted-proxies: '" + entry
                    + "' is not an IP address or CIDR range (use the prefix regex: for a regular expression)");
        }
        if (entry.contains("/")) {
            return entry;
        }
        // A bare address becomes a single-host range, so Tomcat reads the list as CIDR and not as a regex.
        return entry + (entry.contains(":") ? "/128" : "/32");
    }
}
