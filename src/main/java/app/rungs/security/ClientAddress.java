package app.rungs.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The source address of a request, for throttling and the audit log.
 *
 * <p>That is {@link HttpServletRequest#getRemoteAddr()}: behind a proxy listed in {@code rungs.security.trusted-proxies}
 * Tomcat's remote-IP valve has already replaced it with the client's address from {@code X-Forwarded-For} (see
 * {@code security.web.WebSecurityConfiguration}); from anyone else the header is ignored, so a client cannot pick
 * its own address. One place decides which proxies are trusted.
 */
@Component
class ClientAddress {

    String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
