package app.rungs.support;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Counts the SQL statements Hibernate prepares, to pin down N+1 regressions in tests. */
public final class StatementCounter {

    private final Statistics statistics;

    public StatementCounter(EntityManagerFactory emf) {
        this.statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    public long count(Runnable work) {
        statistics.clear();
        work.run();
        return statistics.getPrepareStatementCount();
    }

    /** What a piece of work reads: statements prepared, and the most bind parameters and longest text of any one. */
    public Reads measure(Runnable work) {
        statistics.clear();
        SqlRecorder.start();
        List<String> sql;
        try {
            work.run();
        } finally {
            sql = SqlRecorder.stop();
        }
        return new Reads(
                statistics.getPrepareStatementCount(),
                sql.stream().mapToInt(SqlRecorder::parameters).max().orElse(0),
                sql.stream().mapToInt(String::length).max().orElse(0),
                sql);
    }

    /** The reads of one piece of work. */
    public record Reads(long statements, int maxParameters, int longestStatement, List<String> sql) {

        @Override
        public String toString() {
            return statements + " statements, at most " + maxParameters + " parameters and " + longestStatement
                    + " characters in one";
        }
    }
}
