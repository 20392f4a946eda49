package app.rungs.scim.web;

import app.rungs.people.service.ProvisionedPerson;
import app.rungs.security.domain.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three SCIM groups, one per Rungs role (id "admin", "manager", "engineer"): membership is the role on the
 * person's account. There are no other groups, so no PATCH can reach a role through a group Rungs does not have.
 */
final class ScimGroups {

    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private ScimGroups() {}

    static String id(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> byId(String id) {
        return Arrays.stream(Role.values()).filter(r -> id(r).equals(id)).findFirst();
    }

    /** By display name as an identity provider spells it: "Admin", "Admins", "ADMIN"... */
    static Optional<Role> byName(String name) {
        var n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(Role.values())
                .filter(r -> n.equals(id(r))
                        || n.equals(id(r) + "s")
                        || n.equals(r.label().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    static ObjectNode write(Role role, List<ProvisionedPerson> members, boolean withMembers, String base) {
        var node = ScimJson.object();
        node.putArray("schemas").add(GROUP_SCHEMA);
        node.put("id", id(role));
        node.put("displayName", role.label());
        if (withMembers) {
            var array = node.putArray("members");
            for (var m : members) {
                var member = array.addObject();
                member.put("value", m.id().toString());
                member.put("display", m.fullName());
                member.put("$ref", base + "/Users/" + m.id());
            }
        }
        var meta = node.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("location", base + "/Groups/" + id(role));
        return node;
    }

    /** What a PATCH or PUT asks of a group's members: the ids to add and to remove. */
    record MemberChange(Set<Long> add, Set<Long> remove) {}

    /** The member changes of a PATCH, given the current members (for a replace of the whole list). */
    static MemberChange patch(Role role, ScimPatch patch, Set<Long> current) {
        var add = new LinkedHashSet<Long>();
        var remove = new LinkedHashSet<Long>();
        for (var o : patch.operations()) {
            var path = o.path() == null ? null : o.path().strip();
            var lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
            if (o.op() == ScimPatch.Op.REMOVE) {
                if (lower.startsWith("members[")) {
                    remove.add(memberInFilter(path));
                } else if (lower.equals("members")) {
                    remove.addAll(o.value() == null || o.value().isNull() ? current : ids(o.value()));
                } else {
                    throw ScimError.badRequest("invalidPath", "Only members of a group can be removed.");
                }
                continue;
            }
            JsonNode members = null;
            if (lower.equals("members")) {
                members = o.value();
            } else if (path == null) {
                for (var field : o.value().properties()) {
                    var key = field.getKey().toLowerCase(Locale.ROOT);
                    if (key.equals("members")) {
                        members = field.getValue();
                    } else {
                        checkSameName(role, key, field.getValue());
                    }
                }
            } else {
                checkSameName(role, lower, o.value());
            }
            if (members == null) {
                continue;
            }
            var ids = ids(members);
            if (o.op() == ScimPatch.Op.REPLACE) {
                current.stream().filter(id -> !ids.contains(id)).forEach(remove::add);
            }
            add.addAll(ids);
            remove.removeAll(ids);
        }
        add.removeAll(remove);
        return new MemberChange(add, remove);
    }

    /** A PUT's whole member list against the current one. */
    static MemberChange replace(Role role, ObjectNode body, Set<Long> current) {
        var name = body.get("displayName");
        if (name != null && !name.isNull()) {
            checkSameName(role, "displayname", name);
        }
        var ids = body.has("members") ? ids(body.get("members")) : new LinkedHashSet<Long>();
        var remove = new LinkedHashSet<Long>(current);
        remove.removeAll(ids);
        var add = new LinkedHashSet<Long>(ids);
        add.removeAll(current);
        return new MemberChange(add, remove);
    }

    private static void checkSameName(Role role, String attribute, JsonNode value) {
        if (attribute.equals("displayname")) {
            var asked = ScimJson.text(value, "displayName");
            if (byName(asked).filter(role::equals).isEmpty()) {
                throw ScimError.badRequest(
                        "mutability",
                        "The groups of Rungs are its roles and keep their names; \"" + role.label()
                                + "\" cannot be renamed to \"" + asked + "\".");
            }
        } else if (!attribute.equals("externalid") && !attribute.equals("schemas") && !attribute.equals("id")) {
            throw ScimError.badRequest("invalidPath", "\"" + attribute + "\" is not an attribute of a Rungs group.");
        }
    }

    private static LinkedHashSet<Long> ids(JsonNode members) {
        var result = new LinkedHashSet<Long>();
        if (members == null || members.isNull()) {
            return result;
        }
        if (!members.isArray()) {
            throw ScimError.badRequest("invalidValue", "members must be an array of {\"value\": \"<user id>\"}.");
        }
        var bad = new ArrayList<String>();
        for (var m : members) {
            var raw = m.isObject() ? m.path("value").asString("") : m.asString("");
            try {
                result.add(Long.valueOf(raw.strip()));
            } catch (NumberFormatException e) {
                bad.add(raw);
            }
        }
        if (!bad.isEmpty()) {
            throw ScimError.badRequest(
                    "invalidValue", "Group members are Rungs user ids; \"" + bad.getFirst() + "\" is not one.");
        }
        return result;
    }

    private static Long memberInFilter(String path) {
        var m = java.util.regex.Pattern.compile("(?i)^members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]$")
                .matcher(path);
        if (!m.matches()) {
            throw ScimError.badRequest(
                    "invalidFilter", "Remove members with members[value eq \"<user id>\"]; got " + path + ".");
        }
        try {
            return Long.valueOf(m.group(1).strip());
        } catch (NumberFormatException e) {
            throw ScimError.badRequest(
                    "invalidValue", "Group members are Rungs user ids; \"" + m.group(1) + "\" is not one.");
        }
    }
}
