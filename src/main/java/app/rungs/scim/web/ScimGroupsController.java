package app.rungs.scim.web;

import app.rungs.people.service.ProvisionedPerson;
import app.rungs.people.service.Provisioning;
import app.rungs.security.domain.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SCIM Groups: the three role groups, their members read and changed (membership = role on the account). */
@RestController
@RequestMapping("/scim/v2/Groups")
class ScimGroupsController {

    private final Provisioning provisioning;

    ScimGroupsController(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @GetMapping
    ResponseEntity<String> list(
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String excludedAttributes,
            @RequestParam(required = false) String startIndex,
            @RequestParam(required = false) String count) {
        var match = ScimFilter.groups(filter);
        var roles = Arrays.stream(Role.values())
                .filter(r -> match == null
                        || (match[0].equals("id") && ScimGroups.id(r).equals(match[1]))
                        || (match[0].equals("displayname")
                                && ScimGroups.byName(match[1]).filter(r::equals).isPresent()))
                .toList();
        boolean withMembers =
                excludedAttributes == null || !excludedAttributes.toLowerCase().contains("members");
        int start = Math.max(1, parse(startIndex, 1));
        int size = Math.max(0, parse(count, 100));
        var page = roles.stream().skip(start - 1L).limit(size).toList();
        var node = ScimJson.object();
        node.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        node.put("totalResults", roles.size());
        node.put("startIndex", start);
        node.put("itemsPerPage", page.size());
        var resources = node.putArray("Resources");
        var base = ScimUsersController.base();
        page.forEach(r -> resources.add(
                ScimGroups.write(r, withMembers ? provisioning.members(r) : List.of(), withMembers, base)));
        return ScimJson.answer(HttpStatus.OK, node);
    }

    @GetMapping("/{id}")
    ResponseEntity<String> get(@PathVariable String id, @RequestParam(required = false) String excludedAttributes) {
        var role = role(id);
        boolean withMembers =
                excludedAttributes == null || !excludedAttributes.toLowerCase().contains("members");
        return ScimJson.answer(
                HttpStatus.OK,
                ScimGroups.write(
                        role,
                        withMembers ? provisioning.members(role) : List.of(),
                        withMembers,
                        ScimUsersController.base()));
    }

    @PatchMapping("/{id}")
    ResponseEntity<String> patch(@PathVariable String id, @RequestBody(required = false) String body) {
        var role = role(id);
        var patch = ScimPatch.read(ScimJson.parse(body));
        var change = ScimGroups.patch(role, patch, currentIds(role));
        provisioning.setMembership(role, new ArrayList<>(change.add()), new ArrayList<>(change.remove()));
        return get(id, null);
    }

    @PutMapping("/{id}")
    ResponseEntity<String> replace(@PathVariable String id, @RequestBody(required = false) String body) {
        var role = role(id);
        var change = ScimGroups.replace(role, ScimJson.parse(body), currentIds(role));
        provisioning.setMembership(role, new ArrayList<>(change.add()), new ArrayList<>(change.remove()));
        return get(id, null);
    }

    @PostMapping
    ResponseEntity<String> create(@RequestBody(required = false) String body) {
        var name = ScimJson.text(ScimJson.parse(body).get("displayName"), "displayName");
        var existing = ScimGroups.byName(name);
        if (existing.isPresent()) {
            throw new ScimError(
                    HttpStatus.CONFLICT,
                    "uniqueness",
                    "The group \"" + existing.get().label() + "\" already exists with the id \""
                            + ScimGroups.id(existing.get()) + "\"; link to it instead of creating it.");
        }
        throw ScimError.badRequest(
                "invalidValue",
                "Rungs has three groups, one per role: Admin, Manager and Engineer; \"" + name
                        + "\" is not one of them. Push your groups to these.");
    }

    @DeleteMapping("/{id}")
    ResponseEntity<String> delete(@PathVariable String id) {
        var role = role(id);
        throw ScimError.badRequest(
                "mutability", "The group \"" + role.label() + "\" is a Rungs role and cannot be deleted.");
    }

    private Set<Long> currentIds(Role role) {
        return provisioning.members(role).stream()
                .map(ProvisionedPerson::id)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Role role(String id) {
        return ScimGroups.byId(id)
                .orElseThrow(() -> ScimError.notFound(
                        "No group with the id \"" + id + "\"; Rungs has the groups admin, manager and engineer."));
    }

    private static int parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ScimError.badRequest("invalidValue", "\"" + value + "\" is not a whole number.");
        }
    }
}
