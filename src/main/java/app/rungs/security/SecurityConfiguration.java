package app.rungs.security;

import app.rungs.audit.service.AuditService;
import app.rungs.security.service.SsoProperties;
import app.rungs.security.service.SsoSignIn;
import app.rungs.security.service.TotpService;
import app.rungs.security.ui.LoginView;
import app.rungs.shared.db.DatabaseUnavailable;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form login through the Vaadin login view, accounts from PostgreSQL, and method security on every service.
 *
 * <p>Anonymous users reach only the login page, static resources and the actuator health probes (and the metrics
 * scrapers in {@code rungs.metrics.scrapers} the Prometheus endpoint). Sign-in attempts
 * are throttled per account and per source address before the password is checked ({@link SignInAttempts}).
 *
 * <p>When OIDC providers are configured ({@code spring.security.oauth2.client.registration.*}), the login page also
 * offers "Sign in with …"; accounts are linked by verified email and get their roles from the role claim, the
 * provider's logout ends the Rungs session (back-channel) and signing out of Rungs signs out at the provider too
 * (RP-initiated). Without providers nothing of this is configured. See docs/decisions/0015-single-sign-on.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionRegistry sessionRegistry,
            RequestUtil requestUtil,
            SignInAttempts attempts,
            TotpSignIn totpSignIn,
            ObjectProvider<ClientRegistrationRepository> oidcProviders,
            OidcSessionRegistry oidcSessions,
            SsoSignIn ssoSignIn,
            AuditService audit,
            @Value("${rungs.metrics.scrapers:127.0.0.1,::1}") String metricsScrapers)
            throws Exception {
        var failures = attempts.failureHandler();
        var outage = new LoginFailureHandler();
        var sessionEnded = new SessionEndedHandler();
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(new MetricsScrapers(metricsScrapers))
                        .requestMatchers("/styles/**", "/images/**")
                        .permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                        .permitAll())
                // Session fixation protection (new id on login) is Spring Security's default; the registry lets
                // deactivation, role changes and password resets end a user's other sessions.
                .sessionManagement(session -> session
                        // An unknown session id (this instance never had it: another instance stopped and the
                        // proxy sent the user here, or this one restarted) gets the same "sign in again" notice.
                        .invalidSessionStrategy(sessionEnded)
                        .sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredSessionStrategy(sessionEnded))
                // Signing out forgets the session cookie, so the next page is not mistaken for an unknown session.
                .logout(logout -> logout.deleteCookies("JSESSIONID"))
                // The security headers are written eagerly by SecurityHeadersFilter, for every response (Spring
                // Security's lazy writers missed Vaadin's bootstrap pages).
                .headers(AbstractHttpConfigurer::disable)
                // Vaadin's configurer exempts its own requests (which carry Vaadin's CSRF token) and also the login
                // page, so a login form on another site could sign a victim in to the attacker's account. Only the
                // Vaadin requests are exempt here: the login form sends the token from the page's _csrf meta tags.
                .csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest))
                // The login page is the Vaadin view (named here too, so Spring's generated page never appears).
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler((request, response, exception) -> {
                            if (exception instanceof SecondFactorProvider.SecondFactorRequired required) {
                                // Right password, TOTP on: no authentication yet, the login page asks for the code.
                                totpSignIn.passwordAccepted(request, required.user());
                                response.sendRedirect(request.getContextPath() + "/login?code");
                                return;
                            }
                            // The login page offers the typed name again; the password is never kept.
                            LastUsername.remember(request);
                            if (exception instanceof SecondFactorProvider.PasswordSignInOff) {
                                response.sendRedirect(request.getContextPath() + "/login?error=sso-only");
                                return;
                            }
                            if (DatabaseUnavailable.isCause(exception)) {
                                // An outage is reported as such, not as a wrong password, and is no failed guess.
                                outage.onAuthenticationFailure(request, response, exception);
                            } else {
                                failures.onAuthenticationFailure(request, response, exception);
                            }
                        })
                        .authenticationDetailsSource(attempts.detailsSource()))
                .addFilterBefore(attempts.filter("/login"), UsernamePasswordAuthenticationFilter.class);
        var registrations = oidcProviders.getIfAvailable();
        if (registrations == null) {
            http.with(
                    VaadinSecurityConfigurer.vaadin(),
                    vaadin -> vaadin.loginView(LoginView.class, "/login?logout").enableCsrfConfiguration(false));
            return http.build();
        }
        // Single sign-on. The provider owns multi-factor authentication: these sign-ins skip the app's TOTP step.
        http.oauth2Login(oidc -> oidc.loginPage("/login")
                        .userInfoEndpoint(info -> info.oidcUserService(new SsoUserService(ssoSignIn)))
                        .failureHandler(new SsoSignInProblem()))
                .oidcLogout(logout -> logout.oidcSessionRegistry(oidcSessions)
                        .backChannel(backChannel -> backChannel.logoutHandler(
                                new SsoBackChannelLogout(oidcSessions, sessionRegistry, audit))));
        // Signing out of Rungs also ends the provider session (RP-initiated logout) for single sign-on sessions;
        // password sessions, and providers without an end-session endpoint, land on the sign-in page as before.
        var signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        signedOut.setDefaultTargetUrl("/login?logout");
        // Sign-out runs inside a Vaadin request: a plain redirect there only makes the client reload the page.
        signedOut.setRedirectStrategy(new UidlRedirectStrategy());
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class, "/login?logout")
                        .logoutSuccessHandler(signedOut)
                        .enableCsrfConfiguration(false));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and stored hashes carry their algorithm id so they can be upgraded.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Password check by Spring's DAO provider, then the TOTP gate for accounts that turned it on. */
    @Bean
    AuthenticationProvider authenticationProvider(
            UserDetailsService users, PasswordEncoder passwordEncoder, TotpService totp, SsoProperties sso) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new SecondFactorProvider(passwords, totp, sso);
    }

    /** Which Rungs session belongs to which provider session, for back-channel logout (this instance's sessions). */
    @Bean
    OidcSessionRegistry oidcSessionRegistry() {
        return new InMemoryOidcSessionRegistry();
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
