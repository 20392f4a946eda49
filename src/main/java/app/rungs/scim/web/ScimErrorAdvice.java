package app.rungs.scim.web;

import app.rungs.people.service.ProvisioningConflict;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure of a SCIM request as SCIM error JSON, with the service's own message as the detail. */
@RestControllerAdvice(
        assignableTypes = {ScimUsersController.class, ScimGroupsController.class, ScimDiscoveryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ScimErrorAdvice.class);

    @ExceptionHandler(ScimError.class)
    ResponseEntity<String> scim(ScimError e) {
        return ScimJson.error(e.status(), e.scimType(), e.getMessage(), new HttpHeaders());
    }

    @ExceptionHandler(ProvisioningConflict.class)
    ResponseEntity<String> conflict(ProvisioningConflict e) {
        return ScimJson.error(HttpStatus.CONFLICT, "uniqueness", e.getMessage(), new HttpHeaders());
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<String> invalid(ValidationException e) {
        return ScimJson.error(
                HttpStatus.BAD_REQUEST, "invalidValue", String.join(" ", e.problems()), new HttpHeaders());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ScimJson.error(HttpStatus.NOT_FOUND, null, e.getMessage(), new HttpHeaders());
    }

    @ExceptionHandler({ConcurrentEditException.class, ObjectOptimisticLockingFailureException.class})
    ResponseEntity<String> concurrent(RuntimeException e) {
        return ScimJson.error(
                HttpStatus.CONFLICT,
                null,
                "The person was changed by another request at the same time; send the request again.",
                new HttpHeaders());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied(AccessDeniedException e) {
        return ScimJson.error(HttpStatus.FORBIDDEN, null, "This token may not do that.", new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("SCIM request failed", e);
        return ScimJson.error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                null,
                "Rungs could not complete the request; nothing was changed. The server log has the details.",
                new HttpHeaders());
    }
}
