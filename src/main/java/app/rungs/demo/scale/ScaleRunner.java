package app.rungs.demo.scale;

import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code rungs.scale.people} set, generates an organization of that size once, after the demo seeders (so the
 * demo ladder is published), in one transaction on the schema owner's connection; on later starts of the same database it logs that the data is
 * there and the app runs on it. Without the property this bean does not exist.
 */
@Component
@Order(100)
@ConditionalOnProperty(prefix = "rungs.scale", name = "people")
class ScaleRunner implements ApplicationRunner {

    /** The demo accounts' password (README), so benchmarks sign in like the demo. */
    static final String PASSWORD = "rungs-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(ScaleRunner.class);

    private final DataSource dataSource;
    private final ObjectProvider<FlywayConnectionDetails> owner;
    private final AccountService accounts;
    private final ScaleSpec spec;

    ScaleRunner(
            DataSource dataSource,
            ObjectProvider<FlywayConnectionDetails> owner,
            AccountService accounts,
            @Value("${rungs.scale.people}") int people,
            @Value("${rungs.scale.items:#{null}}") Integer items,
            @Value("${rungs.scale.seed:14}") long seed) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.accounts = accounts;
        this.spec = ScaleSpec.of(people, items, seed, LocalDate.now());
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        try (var connection = ownerConnection()) {
            var generator = new ScaleGenerator(connection);
            if (generator.generated()) {
                log.info(
                        "Scale data: already generated in this database ({} exists); not generating again",
                        ScaleGenerator.DIRECTOR);
                return;
            }
            log.info(
                    "Scale data: generating {} people, {} evidence items, {} promotion cases, sessions of {} (seed {})",
                    spec.people(),
                    spec.items(),
                    spec.cases(),
                    spec.sessionSizes(),
                    spec.seed());
            var hash = SystemAuthentication.call(() -> accounts.encode(PASSWORD));
            connection.setAutoCommit(false);
            try {
                var result = generator.generate(spec, hash);
                connection.commit();
                log.info("Scale data: generated in {} ms: {}", result.millis(), result);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The schema owner's connection (the one Flyway migrates with), or the app's where no owner is configured. */
    private Connection ownerConnection() throws SQLException {
        var details = owner.getIfAvailable();
        if (details == null || details.getJdbcUrl() == null) {
            return dataSource.getConnection();
        }
        return DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(), details.getPassword());
    }
}
