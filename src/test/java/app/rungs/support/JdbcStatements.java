package app.rungs.support;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts every SQL statement the application sends on the current thread, whoever sends it: Hibernate, JdbcTemplate,
 * JdbcClient or plain JDBC. The test context's DataSource is wrapped (see {@link Configuration}); while
 * {@link #measure} runs on a thread, each execution on that thread is recorded with its text and the number of values
 * it binds (an array bound as one parameter counts its elements: an id list from Java is an id list either way).
 * Other threads and the rest of the time pass straight through.
 */
public final class JdbcStatements {

    private static final ThreadLocal<List<Executed>> RECORDING = new ThreadLocal<>();

    private JdbcStatements() {}

    /** One statement sent to the database: its text and how many values it bound. */
    public record Executed(String sql, int bound) {

        @Override
        public String toString() {
            return "[" + bound + " bound] " + sql.replaceAll("\\s+", " ");
        }
    }

    /** The statements a piece of work sent, in order. */
    public record Recorded(List<Executed> statements) {

        public int count() {
            return statements.size();
        }

        public int maxBound() {
            return statements.stream().mapToInt(Executed::bound).max().orElse(0);
        }

        /** The statements, one a line, for a failure message. */
        public String listing() {
            var text = new StringBuilder();
            for (int i = 0; i < statements.size(); i++) {
                text.append(String.format(
                        "%n  %2d. %s", i + 1, abbreviate(statements.get(i).toString())));
            }
            return text.toString();
        }

        private static String abbreviate(String sql) {
            return sql.length() <= 400 ? sql : sql.substring(0, 400) + "… (" + sql.length() + " chars)";
        }
    }

    public static Recorded measure(Runnable work) {
        return measure(() -> {
                    work.run();
                    return null;
                })
                .recorded();
    }

    /** Runs work and records the statements it sends on this thread; nested measurements are not supported. */
    public static <T> Measured<T> measure(Supplier<T> work) {
        if (RECORDING.get() != null) {
            throw new IllegalStateException("already measuring on this thread");
        }
        var statements = new ArrayList<Executed>();
        RECORDING.set(statements);
        try {
            var result = work.get();
            return new Measured<>(result, new Recorded(List.copyOf(statements)));
        } finally {
            RECORDING.remove();
        }
    }

    public record Measured<T>(T result, Recorded recorded) {}

    private static void record(String sql, int bound) {
        var recording = RECORDING.get();
        if (recording != null) {
            recording.add(new Executed(sql, bound));
        }
    }

    /** Wraps the application's DataSource once, in the shared test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource source && !(bean instanceof CountingDataSource)
                            ? new CountingDataSource(source)
                            : bean;
                }
            };
        }
    }

    /** A DataSource whose connections report what they execute. */
    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                JdbcStatements.class.getClassLoader(), new Class<?>[] {Connection.class}, new Handler(target) {
                    @Override
                    Object call(Object proxy, Method method, Object[] args) throws Throwable {
                        var result = invoke(method, args);
                        return switch (method.getName()) {
                            case "prepareStatement" -> statement(result, PreparedStatement.class, (String) args[0]);
                            case "prepareCall" -> statement(result, CallableStatement.class, (String) args[0]);
                            case "createStatement" -> statement(result, Statement.class, null);
                            default -> result;
                        };
                    }
                });
    }

    private static Object statement(Object target, Class<?> type, String sql) {
        return Proxy.newProxyInstance(
                JdbcStatements.class.getClassLoader(), new Class<?>[] {type}, new StatementHandler(target, sql));
    }

    /** Delegates everything; unwrap and isWrapperFor reach the driver's own objects (LISTEN/NOTIFY needs them). */
    private abstract static class Handler implements InvocationHandler {
        final Object target;

        Handler(Object target) {
            this.target = target;
        }

        @Override
        public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : invoke(method, args);
                case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || (boolean) invoke(method, args);
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> call(proxy, method, args);
            };
        }

        abstract Object call(Object proxy, Method method, Object[] args) throws Throwable;

        Object invoke(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Records each execution; a batch counts once, with the values of all its rows. */
    private static final class StatementHandler extends Handler {
        private final String sql;
        private final List<String> batch = new ArrayList<>();
        private final java.util.Map<Integer, Integer> values = new java.util.HashMap<>();
        private int batched;

        StatementHandler(Object target, String sql) {
            super(target);
            this.sql = sql;
        }

        @Override
        Object call(Object proxy, Method method, Object[] args) throws Throwable {
            var name = method.getName();
            if (name.startsWith("set")
                    && args != null
                    && args.length >= 2
                    && args[0] instanceof Integer
                    && method.getDeclaringClass() != Statement.class) {
                values.put((Integer) args[0], elements(args[1]));
            }
            switch (name) {
                case "addBatch" -> {
                    if (args != null && args.length == 1) {
                        batch.add((String) args[0]);
                    } else {
                        batched += bound();
                        values.clear();
                    }
                }
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                    if (args != null && args.length >= 1 && args[0] instanceof String text) {
                        record(text, 0);
                    } else {
                        record(sql, bound());
                    }
                }
                case "executeBatch", "executeLargeBatch" -> {
                    if (sql != null) {
                        record("[batch] " + sql, batched);
                        batched = 0;
                    } else {
                        record("[batch] " + String.join("; ", batch), 0);
                        batch.clear();
                    }
                }
                case "clearParameters" -> values.clear();
                default -> {
                    // Everything else passes through.
                }
            }
            return invoke(method, args);
        }

        private int bound() {
            return values.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** How many values one bound value carries: the elements of an array or collection, otherwise one. */
        private static int elements(Object value) throws SQLException {
            if (value instanceof java.sql.Array array) {
                var content = array.getArray();
                return content != null && content.getClass().isArray() ? Array.getLength(content) : 1;
            }
            if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
                return Array.getLength(value);
            }
            if (value instanceof Collection<?> collection) {
                return collection.size();
            }
            return 1;
        }
    }
}
