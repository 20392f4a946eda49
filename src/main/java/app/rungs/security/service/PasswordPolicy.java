package app.rungs.security.service;

import app.rungs.shared.service.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules, after NIST SP 800-63B: length and a blocklist, no composition rules.
 *
 * <ul>
 *   <li>At least {@value #MIN_LENGTH} characters (NIST requires 8 and recommends 15 when the password is the only
 *       factor; 12 keeps the demo and existing passwords valid while ruling out most guessable ones), counted in
 *       Unicode code points; every character is allowed, spaces included.
 *   <li>At most {@value #MAX_LENGTH} characters, and at most 72 bytes in UTF-8, bcrypt's input limit (so a
 *       password of 64 ASCII characters always fits; passwords of many non-Latin characters hit the byte limit).
 *   <li>Not on the list of common and breached passwords shipped in {@code passwords/common-passwords.txt}, also
 *       not such a password with digits and symbols added at the end ("password2026!").
 *   <li>Not a single repeated character, and not containing the username or the local part of the email.
 * </ul>
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    public static final String DESCRIPTION = "At least " + MIN_LENGTH + " characters; any characters, spaces too."
            + " Not a common password and not your username.";

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Returns the password unchanged, or throws a ValidationException naming the rule it breaks. */
    public static String check(String password, String username) {
        if (password == null || password.isEmpty()) {
            throw new ValidationException("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new ValidationException("Password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (length > MAX_LENGTH) {
            throw new ValidationException("Password must be at most " + MAX_LENGTH + " characters long.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ValidationException("Password is too long to store: at most " + MAX_BYTES
                    + " bytes in UTF-8 (letters outside A–Z and symbols take 2–4 bytes each).");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() == 1) {
            throw new ValidationException("Password must not be one character repeated.");
        }
        if (COMMON.contains(lower)) {
            throw new ValidationException(
                    "This password is on a list of common or breached passwords; choose another one.");
        }
        var base = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (base.length() >= 4 && COMMON.contains(base)) {
            throw new ValidationException("This password is a common password (\"" + base
                    + "\") with digits or symbols added; choose another one.");
        }
        if (username != null && !username.isBlank()) {
            var name = username.strip().toLowerCase(Locale.ROOT);
            var local = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
            if (lower.contains(name) || (local.length() >= 3 && lower.contains(local))) {
                throw new ValidationException("Password must not contain your username.");
            }
        }
        return password;
    }

    private static Set<String> load() {
        var set = new HashSet<String>(65_536);
        try (var in = PasswordPolicy.class.getResourceAsStream("/passwords/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("passwords/common-passwords.txt missing from the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    set.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
