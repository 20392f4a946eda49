package app.rungs.scim.web;

import org.springframework.http.HttpStatus;

/**
 * A SCIM error (RFC 7644 section 3.12): the status, the scimType where the RFC names one, and a detail text that
 * tells the identity provider's admin what to change.
 */
public class ScimError extends RuntimeException {

    private final HttpStatus status;
    private final String scimType;

    public ScimError(HttpStatus status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimError badRequest(String scimType, String detail) {
        return new ScimError(HttpStatus.BAD_REQUEST, scimType, detail);
    }

    public static ScimError notFound(String detail) {
        return new ScimError(HttpStatus.NOT_FOUND, null, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
