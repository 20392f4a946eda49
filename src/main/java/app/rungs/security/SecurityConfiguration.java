package app.rungs.security;

import app.rungs.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form login through the Vaadin login view, accounts from PostgreSQL, and method security on every service.
 *
 * <p>Anonymous users reach only the login page, static resources and the actuator health probes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry, RequestUtil requestUtil)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/styles/**", "/images/**")
                        .permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                        .permitAll())
                // Session fixation protection (new id on login) is Spring Security's default; the registry lets
                // admins end a deactivated user's sessions.
                .sessionManagement(session -> session.sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"))
                // The security headers are written eagerly by SecurityHeadersFilter, for every response (Spring
                // Security's lazy writers missed Vaadin's bootstrap pages).
                .headers(AbstractHttpConfigurer::disable)
                // Vaadin's configurer exempts its own requests (which carry Vaadin's CSRF token) and also the login
                // page, so a login form on another site could sign a victim in to the attacker's account. Only the
                // Vaadin requests are exempt here: the login form sends the token from the page's _csrf meta tags.
                .csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest))
                // A database outage is reported as such, not as a wrong password. The login page is named here too:
                // without it Spring Security would serve its own generated page before Vaadin's configurer runs.
                .formLogin(form -> form.loginPage("/login").failureHandler(new LoginFailureHandler()))
                .with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class, "/login?logout")
                                .enableCsrfConfiguration(false));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and stored hashes carry their algorithm id so they can be upgraded.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
