package app.rungs.webhook.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain of the webhook endpoints (CONTRACTS: order 20): stateless, no CSRF token (providers cannot send
 * one), no session and no sign-in; every request passes the filters because the HMAC signature over the body is the
 * authentication, and WebhookReceiver checks it before anything else.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(20)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/webhooks/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .build();
    }
}
