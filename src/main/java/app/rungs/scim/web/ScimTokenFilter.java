package app.rungs.scim.web;

import app.rungs.scim.service.ScimTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a SCIM request by its bearer token; a wrong or revoked token is answered 401 at once. */
final class ScimTokenFilter extends OncePerRequestFilter {

    private final ScimTokens tokens;

    ScimTokenFilter(ScimTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // No token: the entry point answers 401 (a session cookie or a password does not count here).
            chain.doFilter(request, response);
            return;
        }
        var caller = tokens.authenticate(header.substring(7).strip());
        if (caller.isEmpty()) {
            ScimEntryPoint.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The bearer token is not a valid SCIM token of this Rungs, or it was revoked. Create a new one"
                            + " under Provisioning (SCIM).");
            return;
        }
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var context = strategy.createEmptyContext();
        context.setAuthentication(new ScimAuthentication(caller.get()));
        strategy.setContext(context);
        chain.doFilter(request, response);
    }
}
