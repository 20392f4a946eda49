package app.rungs.scim.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A SCIM PatchOp body (RFC 7644 section 3.5.2) read into its operations; the op names in any case, as Entra sends. */
record ScimPatch(List<Operation> operations) {

    enum Op {
        ADD,
        REPLACE,
        REMOVE
    }

    record Operation(Op op, String path, JsonNode value) {}

    static ScimPatch read(ObjectNode body) {
        var schemas = body.get("schemas");
        boolean patchOp = false;
        if (schemas != null && schemas.isArray()) {
            for (var s : schemas) {
                patchOp |= s.asString().equalsIgnoreCase(ScimJson.PATCH_SCHEMA);
            }
        }
        if (!patchOp) {
            throw ScimError.badRequest("invalidSyntax", "A PATCH body lists the schema " + ScimJson.PATCH_SCHEMA + ".");
        }
        var operations = body.get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimError.badRequest("invalidSyntax", "A PATCH body has a non-empty \"Operations\" array.");
        }
        var result = new ArrayList<Operation>();
        for (var o : operations) {
            var name = o.path("op").asString("").strip().toLowerCase(Locale.ROOT);
            var op = switch (name) {
                case "add" -> Op.ADD;
                case "replace" -> Op.REPLACE;
                case "remove" -> Op.REMOVE;
                default ->
                    throw ScimError.badRequest(
                            "invalidSyntax",
                            "Unknown PATCH op \"" + o.path("op").asString("") + "\"; use add, replace or remove.");
            };
            var path = o.hasNonNull("path") ? o.get("path").asString().strip() : null;
            if (path != null && path.isEmpty()) {
                path = null;
            }
            var value = o.get("value");
            if (op == Op.REMOVE && path == null) {
                throw ScimError.badRequest("noTarget", "A remove operation needs a path.");
            }
            if (op != Op.REMOVE && (value == null || value.isMissingNode())) {
                throw ScimError.badRequest("invalidValue", "An " + name + " operation needs a value.");
            }
            if (op != Op.REMOVE && path == null && !value.isObject()) {
                throw ScimError.badRequest("invalidValue", "An " + name + " without a path needs an object value.");
            }
            result.add(new Operation(op, path, value));
        }
        return new ScimPatch(result);
    }

    /** Applies the operations to a user draft (the person's current state). */
    void applyTo(UserDraft draft) {
        for (var o : operations) {
            if (o.op() == Op.REMOVE) {
                var p = o.path().toLowerCase(Locale.ROOT);
                if (p.equals("username") || p.equals("active") || p.endsWith(":username")) {
                    throw ScimError.badRequest("mutability", o.path() + " cannot be removed.");
                }
                ScimUsers.set(draft, o.path(), null);
            } else if (o.path() == null) {
                for (var field : o.value().properties()) {
                    if (field.getKey().equalsIgnoreCase(ScimUsers.ENTERPRISE_SCHEMA)
                            && field.getValue().isObject()) {
                        for (var ext : field.getValue().properties()) {
                            ScimUsers.set(draft, ext.getKey(), ext.getValue());
                        }
                    } else {
                        ScimUsers.set(draft, field.getKey(), field.getValue());
                    }
                }
            } else if (o.path().equalsIgnoreCase(ScimUsers.ENTERPRISE_SCHEMA)
                    && o.value().isObject()) {
                for (var ext : o.value().properties()) {
                    ScimUsers.set(draft, ext.getKey(), ext.getValue());
                }
            } else {
                ScimUsers.set(draft, o.path(), o.value());
            }
        }
    }
}
