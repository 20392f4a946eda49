package app.rungs.scim.web;

import app.rungs.people.service.ProvisionedPerson;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The SCIM User resource (core and enterprise extension) read into a {@link UserDraft} and written from a person. */
final class ScimUsers {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Core and enterprise attributes Rungs does not keep: accepted and left alone, so a full sync still works. */
    static final Set<String> IGNORED = Set.of(
            "nickname",
            "profileurl",
            "usertype",
            "preferredlanguage",
            "locale",
            "timezone",
            "password",
            "phonenumbers",
            "addresses",
            "ims",
            "photos",
            "entitlements",
            "roles",
            "x509certificates",
            "name.middlename",
            "name.honorificprefix",
            "name.honorificsuffix",
            "costcenter",
            "organization",
            "division",
            "meta",
            "schemas",
            "id");

    private ScimUsers() {}

    /** A whole user (POST, PUT) into a fresh draft: what is left out is cleared. */
    static UserDraft read(ObjectNode body) {
        checkSchemas(body);
        var draft = UserDraft.empty();
        for (var field : body.properties()) {
            var name = field.getKey();
            if (name.equalsIgnoreCase(ENTERPRISE_SCHEMA)) {
                if (!field.getValue().isObject()) {
                    throw ScimError.badRequest("invalidValue", ENTERPRISE_SCHEMA + " must be an object.");
                }
                for (var ext : field.getValue().properties()) {
                    set(draft, ext.getKey(), ext.getValue());
                }
            } else if (!name.equalsIgnoreCase("groups")) {
                // groups is read-only: a replace that echoes it back is not a request to change roles (RFC 7644
                // 3.5.1 says to ignore read-only attributes in a PUT); a PATCH of it is refused.
                set(draft, name, field.getValue());
            }
        }
        if (draft.userName == null || draft.userName.isBlank()) {
            throw ScimError.badRequest("invalidValue", "userName is required (the person's email address).");
        }
        return draft;
    }

    private static void checkSchemas(ObjectNode body) {
        var schemas = body.get("schemas");
        if (schemas == null || !schemas.isArray() || schemas.isEmpty()) {
            throw ScimError.badRequest("invalidSyntax", "schemas is required and must list \"" + USER_SCHEMA + "\".");
        }
        boolean core = false;
        for (var schema : schemas) {
            var uri = schema.asString();
            if (uri.equalsIgnoreCase(USER_SCHEMA)) {
                core = true;
            } else if (!uri.equalsIgnoreCase(ENTERPRISE_SCHEMA)) {
                throw ScimError.badRequest(
                        "invalidValue",
                        "Rungs does not know the schema \"" + uri + "\"; users use " + USER_SCHEMA + " and "
                                + ENTERPRISE_SCHEMA + ".");
            }
        }
        if (!core) {
            throw ScimError.badRequest("invalidSyntax", "schemas must list \"" + USER_SCHEMA + "\".");
        }
    }

    /**
     * Sets one attribute by its SCIM path (case-insensitive, with or without its schema URN); a null value clears
     * it. Unknown attributes are refused: silently dropping one could hide a mapping mistake in the provider.
     */
    static void set(UserDraft d, String path, JsonNode value) {
        var p = path.strip().toLowerCase(Locale.ROOT);
        var enterprise = ENTERPRISE_SCHEMA.toLowerCase(Locale.ROOT) + ":";
        var core = USER_SCHEMA.toLowerCase(Locale.ROOT) + ":";
        if (p.startsWith(enterprise)) {
            p = p.substring(enterprise.length());
        } else if (p.startsWith(core)) {
            p = p.substring(core.length());
        }
        boolean clear = value == null || value.isNull();
        switch (p) {
            case "username" -> d.userName = ScimJson.text(value, "userName");
            case "displayname" -> d.displayName = ScimJson.text(value, "displayName");
            case "name" -> {
                if (!clear && !value.isObject()) {
                    throw ScimError.badRequest("invalidValue", "name must be an object.");
                }
                d.formatted = clear ? null : ScimJson.text(value.get("formatted"), "name.formatted");
                d.givenName = clear ? null : ScimJson.text(value.get("givenName"), "name.givenName");
                d.familyName = clear ? null : ScimJson.text(value.get("familyName"), "name.familyName");
            }
            case "name.formatted" -> d.formatted = ScimJson.text(value, "name.formatted");
            case "name.givenname" -> d.givenName = ScimJson.text(value, "name.givenName");
            case "name.familyname" -> d.familyName = ScimJson.text(value, "name.familyName");
            case "title" -> d.title = ScimJson.text(value, "title");
            case "externalid" -> d.externalId = ScimJson.text(value, "externalId");
            case "active" -> d.active = clear || ScimJson.bool(value, "active");
            case "department" -> d.department = ScimJson.text(value, "department");
            case "employeenumber" -> d.employeeNumber = ScimJson.text(value, "employeeNumber");
            case "manager", "manager.value" -> d.managerId = managerId(value);
            case "emails", "emails[type eq \"work\"].value", "emails.value" -> checkEmail(d, value);
            case "groups" ->
                throw ScimError.badRequest(
                        "mutability",
                        "groups is read-only on a user; change roles through the members of /Groups (Admin, Manager,"
                                + " Engineer).");
            default -> {
                if (!IGNORED.contains(p) && !p.startsWith("phonenumbers") && !p.startsWith("addresses")) {
                    throw ScimError.badRequest("invalidPath", "\"" + path + "\" is not an attribute of a Rungs user.");
                }
            }
        }
    }

    /** The manager as the SCIM id of their Rungs person: Okta sends {"value": id}, Entra the id itself. */
    private static Long managerId(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        var raw =
                value.isObject() ? ScimJson.text(value.get("value"), "manager.value") : ScimJson.text(value, "manager");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ScimError.badRequest(
                    "invalidValue",
                    "manager must be the id of a Rungs user (as Rungs answered it); got \"" + raw + "\".");
        }
    }

    /** Rungs keeps one email, the userName; a different work email is refused instead of silently dropped. */
    private static void checkEmail(UserDraft d, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        String email = null;
        if (value.isArray()) {
            for (var e : value) {
                var type = e.path("type").asString("");
                if (email == null
                        || type.equalsIgnoreCase("work")
                        || e.path("primary").asBoolean(false)) {
                    email = ScimJson.text(e.get("value"), "emails.value");
                }
            }
        } else {
            email = ScimJson.text(value, "emails.value");
        }
        d.workEmail = email;
    }

    /** The user resource as Rungs answers it. */
    static ObjectNode write(ProvisionedPerson p, String base) {
        var node = ScimJson.object();
        node.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE_SCHEMA);
        node.put("id", p.id().toString());
        if (p.externalId() != null) {
            node.put("externalId", p.externalId());
        }
        node.put("userName", p.userName());
        var name = node.putObject("name");
        name.put("formatted", p.fullName());
        int space = p.fullName().indexOf(' ');
        name.put("givenName", space < 0 ? p.fullName() : p.fullName().substring(0, space));
        if (space > 0) {
            name.put("familyName", p.fullName().substring(space + 1));
        }
        node.put("displayName", p.fullName());
        if (p.jobTitle() != null) {
            node.put("title", p.jobTitle());
        }
        node.put("active", p.active());
        var email = node.putArray("emails").addObject();
        email.put("value", p.userName());
        email.put("type", "work");
        email.put("primary", true);
        var groups = node.putArray("groups");
        p.roles().stream().sorted().forEach(role -> {
            var g = groups.addObject();
            g.put("value", ScimGroups.id(role));
            g.put("display", role.label());
            g.put("$ref", base + "/Groups/" + ScimGroups.id(role));
        });
        var ext = node.putObject(ENTERPRISE_SCHEMA);
        if (p.employeeNumber() != null) {
            ext.put("employeeNumber", p.employeeNumber());
        }
        if (p.department() != null) {
            ext.put("department", p.department());
        }
        if (p.managerId() != null) {
            var manager = ext.putObject("manager");
            manager.put("value", p.managerId().toString());
            manager.put("$ref", base + "/Users/" + p.managerId());
            if (p.managerName() != null) {
                manager.put("displayName", p.managerName());
            }
        }
        var meta = node.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("location", base + "/Users/" + p.id());
        meta.put("version", "W/\"" + p.version() + "\"");
        return node;
    }
}
