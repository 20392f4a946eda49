package app.rungs.security;

import app.rungs.security.service.ApiTokenAuthenticator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The REST API's own filter chain: /api/** (except /api/webhooks/**, which has a chain of its own) and the OpenAPI
 * document. Stateless, no CSRF (no cookies are read, so there is nothing to forge), signed in per request by a bearer
 * API token. The public framework JSON and the OpenAPI document need no token. Ordered before the main chain, which
 * serves Vaadin and form login and ignores bearer tokens entirely.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String PUBLIC_LADDERS = "/api/v1/public/**";

    @Bean
    @Order(30)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenAuthenticator authenticator, ApiRateLimiter limiter)
            throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        var api = new AndRequestMatcher(
                path.matcher("/api/**"), new NegatedRequestMatcher(path.matcher("/api/webhooks/**")));
        http.securityMatcher(new OrRequestMatcher(api, path.matcher("/v3/api-docs"), path.matcher("/v3/api-docs/**")))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                path.matcher(PUBLIC_LADDERS),
                                path.matcher("/v3/api-docs"),
                                path.matcher("/v3/api-docs/**"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // SecurityHeadersFilter writes the headers for every response, API ones included.
                .headers(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> ApiProblemWriter.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "This endpoint needs an API token: send Authorization: Bearer <token>."
                                                + " Create one under My profile > API tokens."))
                        .accessDeniedHandler((request, response, e) -> ApiProblemWriter.write(
                                request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request.")))
                .addFilterBefore(new ApiTokenFilter(authenticator, limiter), AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
