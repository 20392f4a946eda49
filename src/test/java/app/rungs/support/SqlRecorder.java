package app.rungs.support;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every SQL statement Hibernate prepares (configured in application-test.properties) and, while a
 * {@link StatementCounter} measures on this thread, keeps its text: how many parameters a statement binds is the
 * number of its placeholders.
 */
public class SqlRecorder implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        var recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    }

    static void start() {
        RECORDING.set(new ArrayList<>());
    }

    static List<String> stop() {
        var recorded = RECORDING.get();
        RECORDING.remove();
        return recorded == null ? List.of() : recorded;
    }

    /** The bind parameters of a statement: its placeholders outside string literals. */
    static int parameters(String sql) {
        int count = 0;
        boolean inLiteral = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
            } else if (c == '?' && !inLiteral) {
                count++;
            }
        }
        return count;
    }
}
