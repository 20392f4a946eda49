package app.rungs.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the shared context's email at the test SMTP server ({@link TestMailServer}). Part of {@link IntegrationTest},
 * so every test keeps sharing the one context. {@code spring.mail.host} itself is in application-test.properties:
 * Boot decides whether to configure a mail sender before these dynamic properties exist; the port is read later.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailConfiguration {

    @Bean
    DynamicPropertyRegistrar testMailServerProperties() {
        return registry -> {
            registry.add("spring.mail.port", TestMailServer::port);
        };
    }
}
