package app.rungs.scim.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 401 and 403 of the SCIM endpoint as SCIM error JSON, with the bearer challenge. */
final class ScimEntryPoint {

    private ScimEntryPoint() {}

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        var entity = ScimJson.error(status, null, detail, new HttpHeaders());
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Rungs SCIM\"");
        }
        response.setContentType(ScimJson.MEDIA_TYPE + ";charset=UTF-8");
        response.getOutputStream().write(entity.getBody().getBytes(StandardCharsets.UTF_8));
    }
}
