package app.rungs.support;

import java.util.Map;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import testidp.TestOidcProvider;

/**
 * Points the shared test context's single sign-on at {@link TestOidcProvider}: the provider starts before the app
 * (Spring Boot reads the issuer's discovery document while the context starts), and learns the app's port once the
 * app's web server is up. Part of {@link IntegrationTest}, so every test shares the one context.
 */
public final class SsoTestProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var provider = TestOidcProvider.get();
        var registration = "spring.security.oauth2.client.registration." + TestOidcProvider.REGISTRATION_ID + ".";
        var providerPrefix = "spring.security.oauth2.client.provider." + TestOidcProvider.REGISTRATION_ID + ".";
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "rungs-test-oidc",
                        Map.of(
                                registration + "client-id", TestOidcProvider.CLIENT_ID,
                                registration + "client-secret", TestOidcProvider.CLIENT_SECRET,
                                registration + "client-name", TestOidcProvider.NAME,
                                registration + "scope", "openid,email,profile",
                                registration + "provider", TestOidcProvider.REGISTRATION_ID,
                                providerPrefix + "issuer-uri", provider.issuer())));
        context.addApplicationListener((ApplicationListener<WebServerInitializedEvent>) event ->
                provider.appBaseUrl("http://localhost:" + event.getWebServer().getPort()));
    }
}
