package app.rungs.scim.web;

import app.rungs.scim.service.ScimCaller;
import app.rungs.scim.service.ScimTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The SCIM endpoint's own filter chain (see CONTRACTS: order 10): bearer SCIM tokens only, no session (a signed-in
 * user's cookie is neither read nor created), no CSRF (no cookie authenticates here, so there is nothing to forge).
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain scimFilterChain(HttpSecurity http, ScimTokens tokens) throws Exception {
        http.securityMatcher("/scim/v2/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(ScimCaller.AUTHORITY))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // SecurityHeadersFilter writes the headers for every response.
                .headers(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> ScimEntryPoint.write(
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "Send a SCIM token as \"Authorization: Bearer <token>\"; admins create"
                                                + " tokens under Provisioning (SCIM)."))
                        .accessDeniedHandler((request, response, e) -> ScimEntryPoint.write(
                                response, HttpStatus.FORBIDDEN, "Only a SCIM token may use the SCIM endpoint.")))
                .addFilterBefore(new ScimTokenFilter(tokens), AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
