package app.rungs.scim.web;

import app.rungs.people.service.Provisioning;
import app.rungs.scim.service.DeactivationOutcome;
import app.rungs.scim.service.ScimCaller;
import app.rungs.scim.service.ScimUserWrites;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** SCIM Users (RFC 7644): create, read, list with an eq filter, replace, patch, and deactivate (never delete). */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

    static final int MAX_COUNT = 200;

    private final Provisioning provisioning;
    private final ScimUserWrites writes;

    ScimUsersController(Provisioning provisioning, ScimUserWrites writes) {
        this.provisioning = provisioning;
        this.writes = writes;
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2")
                .toUriString();
    }

    @PostMapping
    ResponseEntity<String> create(@RequestBody(required = false) String body) {
        var user = ScimUsers.read(ScimJson.parse(body)).toUser();
        var person = provisioning.create(user);
        var node = ScimUsers.write(person, base());
        var response = ScimJson.answer(HttpStatus.CREATED, node);
        return ResponseEntity.created(URI.create(base() + "/Users/" + person.id()))
                .headers(response.getHeaders())
                .body(response.getBody());
    }

    @GetMapping("/{id}")
    ResponseEntity<String> get(@PathVariable String id) {
        var person = provisioning.find(parseId(id)).orElseThrow(() -> notFound(id));
        return ScimJson.answer(HttpStatus.OK, ScimUsers.write(person, base()));
    }

    @GetMapping
    ResponseEntity<String> list(
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String startIndex,
            @RequestParam(required = false) String count) {
        var match = ScimFilter.users(filter);
        int start = Math.max(1, number(startIndex, "startIndex", 1));
        int size = Math.min(MAX_COUNT, Math.max(0, number(count, "count", 100)));
        var page = provisioning.list(match, start, size);
        var node = ScimJson.object();
        node.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        node.put("totalResults", page.total());
        node.put("startIndex", start);
        node.put("itemsPerPage", page.people().size());
        var resources = node.putArray("Resources");
        var base = base();
        page.people().forEach(p -> resources.add(ScimUsers.write(p, base)));
        return ScimJson.answer(HttpStatus.OK, node);
    }

    @PutMapping("/{id}")
    ResponseEntity<String> replace(
            @PathVariable String id,
            @RequestBody(required = false) String body,
            @AuthenticationPrincipal ScimCaller caller) {
        var personId = parseId(id);
        var user = ScimUsers.read(ScimJson.parse(body)).toUser();
        return written(writes.replace(personId, user, caller));
    }

    @PatchMapping("/{id}")
    ResponseEntity<String> patch(
            @PathVariable String id,
            @RequestBody(required = false) String body,
            @AuthenticationPrincipal ScimCaller caller) {
        var personId = parseId(id);
        var patch = ScimPatch.read(ScimJson.parse(body));
        var current = provisioning.find(personId).orElseThrow(() -> notFound(id));
        var draft = UserDraft.of(current);
        patch.applyTo(draft);
        return written(writes.replace(personId, draft.toUser(), caller));
    }

    /** DELETE deactivates: Rungs keeps every person's history, so nobody is ever deleted. */
    @DeleteMapping("/{id}")
    ResponseEntity<String> delete(@PathVariable String id, @AuthenticationPrincipal ScimCaller caller) {
        var outcome = writes.deactivate(parseId(id), caller);
        if (outcome.held()) {
            return held(outcome);
        }
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<String> written(ScimUserWrites.Written written) {
        if (written.deactivation() != null && written.deactivation().held()) {
            return held(written.deactivation());
        }
        return ScimJson.answer(HttpStatus.OK, ScimUsers.write(written.person(), base()));
    }

    /** 429 with Retry-After: identity providers retry it later, by when an admin may have confirmed. */
    static ResponseEntity<String> held(DeactivationOutcome outcome) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "3600");
        return ScimJson.error(HttpStatus.TOO_MANY_REQUESTS, null, outcome.detail(), headers);
    }

    static Long parseId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static ScimError notFound(String id) {
        return ScimError.notFound("No user with the id " + id + ".");
    }

    private static int number(String value, String name, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ScimError.badRequest("invalidValue", name + " must be a whole number; got \"" + value + "\".");
        }
    }
}
