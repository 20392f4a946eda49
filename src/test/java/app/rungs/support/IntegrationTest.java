package app.rungs.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full application context on real PostgreSQL, with the demo organization loaded, served on a random port.
 *
 * <p>Every integration, browserless and browser test uses exactly this configuration, so the whole suite shares one
 * application context. That matters beyond speed: Vaadin installs its session-aware security context strategy in the
 * static {@code SecurityContextHolder}, and a second context would replace the first one's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestDatabaseConfiguration.class, TestMailConfiguration.class, JdbcStatements.Configuration.class})
@ActiveProfiles("test")
@ContextConfiguration(initializers = SsoTestProperties.class)
public @interface IntegrationTest {}
