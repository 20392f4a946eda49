package app.rungs.shared.db;

/**
 * Start-up cannot go on because of the database (unreachable, credentials refused, embedded data directory in use).
 * Its message is complete and says what to do; {@link StartupFailureReporter} logs it as one line, without a stack
 * trace, and the process exits with a non-zero status.
 */
public class DatabaseStartupFailure extends IllegalStateException {

    public DatabaseStartupFailure(String message) {
        super(message);
    }
}
