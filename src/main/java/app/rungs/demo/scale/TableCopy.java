package app.rungs.demo.scale;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with PostgreSQL's {@code COPY ... FROM STDIN} (text format) through the JDBC driver:
 * one statement however many rows, written in chunks of about a megabyte so memory stays flat.
 */
final class TableCopy implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final CopyIn in;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private long rows;
    private boolean open = true;

    private TableCopy(CopyIn in) {
        this.in = in;
    }

    /** Starts a COPY into {@code table (columns)} on the connection (the caller's transaction). */
    static TableCopy into(Connection connection, String table, String columns) throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        return new TableCopy(copy.copyIn("copy " + table + " (" + columns + ") from stdin"));
    }

    /** One row: null, numbers, booleans, strings, dates, instants and lists (as PostgreSQL arrays of text). */
    TableCopy row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    private void append(Object value) {
        switch (value) {
            case null -> buffer.append("\\N");
            case Boolean b -> buffer.append(b ? 't' : 'f');
            case Number n -> buffer.append(n);
            case List<?> list -> {
                buffer.append('{');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        buffer.append(',');
                    }
                    buffer.append('"');
                    // Inside an array literal a quote or backslash needs a backslash, which COPY text doubles.
                    escape(String.valueOf(list.get(i)).replace("\\", "\\\\").replace("\"", "\\\""));
                    buffer.append('"');
                }
                buffer.append('}');
            }
            default -> escape(value.toString());
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends the rest and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        flush();
        open = false;
        long copied = in.endCopy();
        if (copied != rows) {
            throw new IllegalStateException("COPY wrote " + copied + " rows of " + rows);
        }
        return copied;
    }

    @Override
    public void close() throws SQLException {
        if (open && in.isActive()) {
            in.cancelCopy();
        }
    }
}
