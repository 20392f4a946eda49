package app.rungs.shared.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a number of bytes and fails with {@link TooLargeException} at the first byte beyond it. */
public final class BoundedInputStream extends FilterInputStream {

    /** The content is larger than the limit; nothing past the limit was read. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("The content is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Ask for one byte more than allowed at most, so going over is noticed without reading further.
        long room = limit - count + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, limit - count + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(limit);
        }
    }

    /** The bytes read so far. */
    public long count() {
        return count;
    }
}
