package app.rungs.scim.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What the endpoint supports (RFC 7644 section 4): ServiceProviderConfig, ResourceTypes and Schemas. */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController {

    private static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String RT_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    private static final Pattern KNOWN = Pattern.compile(
            "^/scim/v2/(Users|Groups)(/[^/]+)?$|^/scim/v2/(ServiceProviderConfig|ResourceTypes|Schemas)(/.*)?$");

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        var node = ScimJson.object();
        node.putArray("schemas").add(SPC_SCHEMA);
        node.put("documentationUri", "https://github.com/rungs/rungs#provisioning-with-scim");
        node.putObject("patch").put("supported", true);
        node.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        node.putObject("filter").put("supported", true).put("maxResults", ScimUsersController.MAX_COUNT);
        node.putObject("changePassword").put("supported", false);
        node.putObject("sort").put("supported", false);
        node.putObject("etag").put("supported", false);
        var scheme = node.putArray("authenticationSchemes").addObject();
        scheme.put("type", "oauthbearertoken");
        scheme.put("name", "Bearer token");
        scheme.put("description", "A SCIM token an admin creates in Rungs under Provisioning (SCIM).");
        scheme.put("primary", true);
        node.putObject("meta").put("resourceType", "ServiceProviderConfig");
        return ScimJson.answer(HttpStatus.OK, node);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<String> resourceTypes() {
        var node = list();
        var resources = (ArrayNode) node.get("Resources");
        resources.add(userType());
        resources.add(groupType());
        node.put("totalResults", 2);
        node.put("itemsPerPage", 2);
        return ScimJson.answer(HttpStatus.OK, node);
    }

    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<String> resourceType(@PathVariable String name) {
        return switch (name) {
            case "User" -> ScimJson.answer(HttpStatus.OK, userType());
            case "Group" -> ScimJson.answer(HttpStatus.OK, groupType());
            default -> throw ScimError.notFound("No resource type " + name + "; there are User and Group.");
        };
    }

    @GetMapping("/Schemas")
    ResponseEntity<String> schemas() {
        var node = list();
        var resources = (ArrayNode) node.get("Resources");
        resources.add(userSchema());
        resources.add(enterpriseSchema());
        resources.add(groupSchema());
        node.put("totalResults", 3);
        node.put("itemsPerPage", 3);
        return ScimJson.answer(HttpStatus.OK, node);
    }

    @GetMapping("/Schemas/{uri}")
    ResponseEntity<String> schema(@PathVariable String uri) {
        if (uri.equals(ScimUsers.USER_SCHEMA)) {
            return ScimJson.answer(HttpStatus.OK, userSchema());
        }
        if (uri.equals(ScimUsers.ENTERPRISE_SCHEMA)) {
            return ScimJson.answer(HttpStatus.OK, enterpriseSchema());
        }
        if (uri.equals(ScimGroups.GROUP_SCHEMA)) {
            return ScimJson.answer(HttpStatus.OK, groupSchema());
        }
        throw ScimError.notFound("No schema " + uri + ".");
    }

    /** Anything else under /scim/v2 is answered as SCIM, not by the web UI. */
    @RequestMapping("/**")
    ResponseEntity<String> unknown(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (KNOWN.matcher(path).matches()) {
            throw new ScimError(
                    HttpStatus.METHOD_NOT_ALLOWED, null, request.getMethod() + " is not supported on " + path + ".");
        }
        throw ScimError.notFound("No SCIM endpoint at " + path + "; there are /Users, /Groups,"
                + " /ServiceProviderConfig, /ResourceTypes and /Schemas.");
    }

    private static ObjectNode list() {
        var node = ScimJson.object();
        node.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        node.put("startIndex", 1);
        node.putArray("Resources");
        return node;
    }

    private static ObjectNode userType() {
        var node = ScimJson.object();
        node.putArray("schemas").add(RT_SCHEMA);
        node.put("id", "User");
        node.put("name", "User");
        node.put("endpoint", "/Users");
        node.put("description", "A person of the organization and their Rungs account");
        node.put("schema", ScimUsers.USER_SCHEMA);
        var ext = node.putArray("schemaExtensions").addObject();
        ext.put("schema", ScimUsers.ENTERPRISE_SCHEMA);
        ext.put("required", false);
        node.putObject("meta")
                .put("resourceType", "ResourceType")
                .put("location", ScimUsersController.base() + "/ResourceTypes/User");
        return node;
    }

    private static ObjectNode groupType() {
        var node = ScimJson.object();
        node.putArray("schemas").add(RT_SCHEMA);
        node.put("id", "Group");
        node.put("name", "Group");
        node.put("endpoint", "/Groups");
        node.put("description", "A Rungs role (Admin, Manager, Engineer); members hold the role");
        node.put("schema", ScimGroups.GROUP_SCHEMA);
        node.putObject("meta")
                .put("resourceType", "ResourceType")
                .put("location", ScimUsersController.base() + "/ResourceTypes/Group");
        return node;
    }

    private static ObjectNode userSchema() {
        var node = schema(ScimUsers.USER_SCHEMA, "User", "User Account");
        var attributes = (ArrayNode) node.get("attributes");
        attribute(attributes, "userName", "string", true, "readWrite", "server", "The person's work email");
        var name = attribute(attributes, "name", "complex", false, "readWrite", "none", "The person's name");
        var sub = name.putArray("subAttributes");
        attribute(sub, "formatted", "string", false, "readWrite", "none", "The full name");
        attribute(sub, "givenName", "string", false, "readWrite", "none", "Given name");
        attribute(sub, "familyName", "string", false, "readWrite", "none", "Family name");
        attribute(attributes, "displayName", "string", false, "readWrite", "none", "The full name shown in Rungs");
        attribute(attributes, "title", "string", false, "readWrite", "none", "Job title");
        attribute(attributes, "active", "boolean", false, "readWrite", "none", "false: the person has left");
        attribute(attributes, "externalId", "string", false, "readWrite", "server", "The provider's id");
        attribute(attributes, "emails", "complex", false, "readWrite", "none", "The work email (= userName)")
                .put("multiValued", true);
        attribute(attributes, "groups", "complex", false, "readOnly", "none", "Roles, changed through /Groups")
                .put("multiValued", true);
        return node;
    }

    private static ObjectNode enterpriseSchema() {
        var node = schema(ScimUsers.ENTERPRISE_SCHEMA, "EnterpriseUser", "Enterprise User");
        var attributes = (ArrayNode) node.get("attributes");
        attribute(attributes, "employeeNumber", "string", false, "readWrite", "none", "Employee number");
        attribute(attributes, "department", "string", false, "readWrite", "none", "The person's team in Rungs");
        var manager = attribute(attributes, "manager", "complex", false, "readWrite", "none", "The manager");
        attribute(
                manager.putArray("subAttributes"),
                "value",
                "string",
                false,
                "readWrite",
                "none",
                "The manager's SCIM id in Rungs");
        return node;
    }

    private static ObjectNode groupSchema() {
        var node = schema(ScimGroups.GROUP_SCHEMA, "Group", "A Rungs role");
        var attributes = (ArrayNode) node.get("attributes");
        attribute(attributes, "displayName", "string", true, "readOnly", "server", "Admin, Manager or Engineer");
        attribute(attributes, "members", "complex", false, "readWrite", "none", "The people with the role")
                .put("multiValued", true);
        return node;
    }

    private static ObjectNode schema(String id, String name, String description) {
        var node = ScimJson.object();
        node.putArray("schemas").add(SCHEMA_SCHEMA);
        node.put("id", id);
        node.put("name", name);
        node.put("description", description);
        node.putArray("attributes");
        node.putObject("meta")
                .put("resourceType", "Schema")
                .put("location", ScimUsersController.base() + "/Schemas/" + id);
        return node;
    }

    private static ObjectNode attribute(
            ArrayNode into,
            String name,
            String type,
            boolean required,
            String mutability,
            String uniqueness,
            String description) {
        var a = into.addObject();
        a.put("name", name);
        a.put("type", type);
        a.put("multiValued", false);
        a.put("description", description);
        a.put("required", required);
        a.put("caseExact", false);
        a.put("mutability", mutability);
        a.put("returned", "default");
        a.put("uniqueness", uniqueness);
        return a;
    }
}
