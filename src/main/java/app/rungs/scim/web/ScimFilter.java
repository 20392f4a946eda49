package app.rungs.scim.web;

import app.rungs.people.service.ProvisionedMatch;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The filters identity providers send (Okta, Microsoft Entra ID, OneLogin): one attribute, {@code eq}, one quoted
 * value. Anything else is refused with invalidFilter rather than answered with a wrong (e.g. unfiltered) list.
 */
final class ScimFilter {

    private static final Pattern EQ = Pattern.compile(
            "^\\s*([A-Za-z0-9:._\\[\\]\" =-]+?)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$", Pattern.CASE_INSENSITIVE);

    private static final String USER_SCHEMA_PREFIX = ScimUsers.USER_SCHEMA.toLowerCase(Locale.ROOT) + ":";

    private ScimFilter() {}

    /** A filter on users; null for none. */
    static ProvisionedMatch users(String filter) {
        var eq = parse(filter);
        if (eq == null) {
            return null;
        }
        var attribute = eq[0].replace(" ", "").toLowerCase(Locale.ROOT);
        if (attribute.startsWith(USER_SCHEMA_PREFIX)) {
            attribute = attribute.substring(USER_SCHEMA_PREFIX.length());
        }
        var kind = switch (attribute) {
            case "id" -> ProvisionedMatch.Attribute.ID;
            case "username" -> ProvisionedMatch.Attribute.USER_NAME;
            case "externalid" -> ProvisionedMatch.Attribute.EXTERNAL_ID;
            case "emails.value", "emails[typeeq\"work\"].value", "emails[primaryeqtrue].value" ->
                ProvisionedMatch.Attribute.EMAIL;
            default -> throw unsupported(filter);
        };
        return new ProvisionedMatch(kind, eq[1]);
    }

    /** A filter on groups: {@code [attribute, value]} with attribute "id" or "displayname"; null for none. */
    static String[] groups(String filter) {
        var eq = parse(filter);
        if (eq == null) {
            return null;
        }
        var attribute = eq[0].strip().toLowerCase(Locale.ROOT);
        if (!attribute.equals("id") && !attribute.equals("displayname") && !attribute.equals("externalid")) {
            throw unsupported(filter);
        }
        return new String[] {attribute, eq[1]};
    }

    private static String[] parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        var matcher = EQ.matcher(filter);
        if (!matcher.matches()) {
            throw unsupported(filter);
        }
        return new String[] {
            matcher.group(1), matcher.group(2).replace("\\\"", "\"").replace("\\\\", "\\")
        };
    }

    private static ScimError unsupported(String filter) {
        return ScimError.badRequest(
                "invalidFilter",
                "Rungs supports one equality filter: userName eq \"...\", externalId eq \"...\", id eq \"...\" or"
                        + " emails[type eq \"work\"].value eq \"...\" on Users, displayName eq \"...\" or id eq"
                        + " \"...\" on Groups; got: " + filter);
    }
}
