package testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real OpenID Connect provider inside the test JVM (in a package of its own, outside {@code app.rungs}, so the
 * app's component scan never picks up its configuration): Spring Authorization Server on an embedded Tomcat on a random
 * port, in a plain Spring context (no Spring Boot, so no Vaadin auto-configuration and no second Vaadin security
 * strategy). It serves 127.0.0.1 while the app is browsed at localhost, so the two never share cookies.
 *
 * <p>Users sign in at the provider with {@link #PASSWORD}; what the provider says about them (email, whether it is
 * verified, groups) is set per user by the test with {@link #user} and read at each sign-in, so a test can change a
 * user's groups between two sign-ins.
 */
public final class TestOidcProvider {

    public static final String REGISTRATION_ID = "rungs-test";
    public static final String CLIENT_ID = "rungs";
    public static final String CLIENT_SECRET = "rungs-test-secret";
    public static final String PASSWORD = "idp-pass-2026";
    public static final String NAME = "Test IdP";

    /** What the provider asserts about one of its users. */
    public record Claims(String email, Object emailVerified, List<String> groups) {}

    private static TestOidcProvider instance;

    private final Map<String, Claims> users = new ConcurrentHashMap<>();
    private final RSAKey key;
    private final Tomcat tomcat;
    private final String issuer;
    private volatile String appBaseUrl = "http://localhost";

    private TestOidcProvider() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        var base = Files.createTempDirectory("rungs-test-idp");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        var context = tomcat.addContext("", base.toString());
        // A cookie name of its own as well: even on one host the provider's session could not clobber the app's.
        context.setSessionCookieName("IDPSESSION");
        var spring = new GenericWebApplicationContext(context.getServletContext());
        new AnnotatedBeanDefinitionReader(spring).register(ProviderConfiguration.class);
        spring.getBeanFactory().registerSingleton("testOidcProvider", this);
        var filter = new FilterDef();
        filter.setFilterName("springSecurityFilterChain");
        filter.setFilter(new DelegatingFilterProxy("springSecurityFilterChain", spring));
        context.addFilterDef(filter);
        var mapping = new FilterMap();
        mapping.setFilterName("springSecurityFilterChain");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
        Tomcat.addServlet(context, "notFound", new NotFound());
        context.addServletMappingDecoded("/", "notFound");
        spring.refresh();
        tomcat.start();
        issuer = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    /** The provider, started on first use and kept for the whole test JVM (like the shared app context). */
    public static synchronized TestOidcProvider get() {
        if (instance == null) {
            try {
                instance = new TestOidcProvider();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test OIDC provider", e);
            }
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    /** Where the app runs; the registered redirect and post-logout URIs follow it. */
    public void appBaseUrl(String url) {
        this.appBaseUrl = url;
    }

    /** Adds or replaces a provider user and what the provider says about them. */
    public void user(String username, Claims claims) {
        users.put(username, claims);
    }

    /** A back-channel logout token for the subject, signed with the provider's key, as a provider would post it. */
    public String logoutToken(String subject) {
        return logoutToken(subject, key);
    }

    /** The same token signed by someone else's key under the provider's key id: what a forger could produce. */
    public String forgedLogoutToken(String subject) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var forged = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(key.getKeyID())
                    .build();
            return logoutToken(subject, forged);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String logoutToken(String subject, RSAKey signingKey) {
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(CLIENT_ID))
                .issuedAt(Instant.now())
                .id(UUID.randomUUID().toString())
                .subject(subject)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    RegisteredClient client() {
        return RegisteredClient.withId(CLIENT_ID)
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(appBaseUrl + "/login/oauth2/code/" + REGISTRATION_ID)
                .postLogoutRedirectUri(appBaseUrl + "/login?logout")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.EMAIL)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    private static final class NotFound extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ProviderConfiguration {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            var server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, as -> as.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        /**
         * The app installs Vaadin's strategy in the static holder after this context is built; the provider's filters
         * and Spring Authorization Server's converters (which read the static holder) must use the same one, so
         * every call looks the current strategy up instead of keeping the one in place at build time.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        UserDetailsService users(TestOidcProvider provider) {
            return username -> {
                if (!provider.users.containsKey(username)) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username)
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build();
            };
        }

        @Bean
        RegisteredClientRepository clients(TestOidcProvider provider) {
            return new RegisteredClientRepository() {
                /**
                 * Spring Authorization Server saves the client after each token request to upgrade the {noop} secret
                 * encoding; the client is rebuilt from the app's address on every lookup, so there is nothing to keep.
                 */
                @Override
                public void save(RegisteredClient registeredClient) {}

                @Override
                public RegisteredClient findById(String id) {
                    return CLIENT_ID.equals(id) ? provider.client() : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? provider.client() : null;
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(TestOidcProvider provider) {
            return new ImmutableJWKSet<>(new JWKSet(provider.key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        /** The ID token carries what the test set for the user (and user info repeats email and email_verified). */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(TestOidcProvider provider) {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                var claims = provider.users.get(context.getPrincipal().getName());
                if (claims == null) {
                    return;
                }
                if (claims.email() != null) {
                    context.getClaims().claim("email", claims.email());
                }
                if (claims.emailVerified() != null) {
                    context.getClaims().claim("email_verified", claims.emailVerified());
                }
                if (claims.groups() != null) {
                    context.getClaims().claim("groups", claims.groups());
                }
            };
        }
    }
}
