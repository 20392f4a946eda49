package app.rungs.security;

import app.rungs.security.service.ApiTokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests in by their {@code Authorization: Bearer} token, as the token's owner, for this request only (no
 * session), then applies the per-token rate limit. A request without the header goes on unauthenticated: the chain's
 * rules refuse it unless the path is public. A token in the query string is refused outright: URLs end up in proxy
 * and server logs and browser history.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenAuthenticator authenticator;
    private final ApiRateLimiter limiter;

    ApiTokenFilter(ApiTokenAuthenticator authenticator, ApiRateLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var query = request.getQueryString();
        if (query != null) {
            var lower = query.toLowerCase(Locale.ROOT);
            if (lower.contains("access_token") || lower.contains("rungs_")) {
                authenticator.refused(null, "API token sent in the query string from " + request.getRemoteAddr());
                ApiProblemWriter.write(
                        request,
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "API tokens are accepted only in the Authorization header (Authorization: Bearer <token>),"
                                + " never in the URL. Revoke this token: its URL may have been logged.");
                return;
            }
        }
        var header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ApiProblemWriter.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The API accepts only bearer tokens: send Authorization: Bearer <token>.");
            return;
        }
        var result = authenticator.authenticate(header.substring(7).strip(), request.getRemoteAddr());
        if (result instanceof ApiTokenAuthenticator.Refused refused) {
            ApiProblemWriter.write(request, response, HttpStatus.UNAUTHORIZED, refused.reason());
            return;
        }
        var accepted = (ApiTokenAuthenticator.Accepted) result;
        var decision = limiter.acquire(accepted.tokenId());
        if (!decision.allowed()) {
            if (decision.firstRefusal()) {
                authenticator.refused(
                        accepted.owner().username(),
                        "API token " + accepted.tokenId() + " exceeded " + limiter.perMinute()
                                + " requests per minute");
            }
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            ApiProblemWriter.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "This token may make " + limiter.perMinute() + " requests per minute; try again in "
                            + decision.retryAfterSeconds() + " seconds.");
            return;
        }
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var context = strategy.createEmptyContext();
        var owner = accepted.owner();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(owner, null, owner.getAuthorities()));
        strategy.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            strategy.clearContext();
        }
    }
}
