package app.rungs.shared.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link DatabaseStartupFailure} as one ERROR line. Claiming it keeps Spring Boot from logging "Application
 * run failed" with a stack trace, and its uncaught-exception handler from printing one (an operator needs the cause
 * and the remedy, not 80 lines of frames). Any other failure is left to Spring Boot's own reporters.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupFailureReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger("app.rungs.Startup");

    @Override
    public boolean reportException(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseStartupFailure database) {
                log.error("Rungs cannot start: {}", database.getMessage());
                return true;
            }
        }
        return false;
    }
}
