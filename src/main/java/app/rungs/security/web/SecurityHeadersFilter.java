package app.rungs.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the security headers on every response, before anything else runs.
 *
 * <p>Spring Security writes its headers lazily when the response is committed, and Vaadin's bootstrap page was
 * served without them; setting them eagerly here covers Vaadin pages, redirects, errors and static files alike.
 * Handlers that know better (Vaadin's static file server: cacheable, content-hashed bundles) replace the
 * {@code Cache-Control} header afterwards.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** Request attribute holding this response's script nonce, for the bootstrap page's inline scripts. */
    public static final String NONCE_ATTRIBUTE = SecurityHeadersFilter.class.getName() + ".nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var nonce = newNonce();
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.withNonce(nonce));
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", ContentSecurityPolicy.PERMISSIONS_POLICY);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        // Authenticated pages and data must not be kept by browsers or shared caches.
        response.setHeader("Cache-Control", "no-store");
        if (request.isSecure()) {
            // Only over TLS (directly or behind a trusted proxy): a browser ignores HSTS over plain HTTP anyway,
            // and sending it there would wrongly promise HTTPS on a plain-HTTP installation.
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, new RelativeRedirects(request, response));
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // Error pages get the headers too.
        return false;
    }

    private static String newNonce() {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
