package app.rungs.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Posts an upload body over a plain socket, the way an attacker's client would: with a Content-Length that may be
 * huge, or chunked without any length. It stops sending as soon as the server answers or closes the connection, and
 * tells how many body bytes it got out, so a test can show the server did not read what it refused.
 */
final class RawUpload {

    /** The answer: HTTP status (-1 when the connection closed before one came), body, and body bytes sent. */
    record Result(int status, String body, long bytesSent) {}

    private RawUpload() {}

    /**
     * @param declaredLength the Content-Length to send, or -1 to send the body chunked
     * @param body what to send (may be shorter or longer than declared: the socket sends what the server takes)
     */
    static Result post(
            int port,
            String path,
            String sessionId,
            String fileName,
            String contentType,
            long declaredLength,
            InputStream body)
            throws IOException {
        return post(port, path, sessionId, "", fileName, contentType, declaredLength, body);
    }

    /** Like the other, with extra header lines (each ending in CRLF), e.g. the page's CSRF header. */
    static Result post(
            int port,
            String path,
            String sessionId,
            String extraHeaders,
            String fileName,
            String contentType,
            long declaredLength,
            InputStream body)
            throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            var head = "POST /" + path + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Cookie: JSESSIONID=" + sessionId + "\r\n"
                    + extraHeaders
                    + "Content-Type: " + contentType + "\r\n"
                    + "X-Filename: "
                    + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")
                    + "\r\n"
                    + (declaredLength >= 0
                            ? "Content-Length: " + declaredLength + "\r\n"
                            : "Transfer-Encoding: chunked\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            long sent = 0;
            var buffer = new byte[64 * 1024];
            boolean complete = false;
            try {
                while (true) {
                    if (in.available() > 0) {
                        break; // the server answered before taking the whole body
                    }
                    int n = body.read(buffer);
                    if (n < 0) {
                        complete = true;
                        break;
                    }
                    if (declaredLength < 0) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(buffer, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(buffer, 0, n);
                    }
                    sent += n;
                }
                if (complete && declaredLength < 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closed) {
                // The server closed the connection: it does not take the rest of the body.
            }
            return read(in, sent);
        }
    }

    private static Result read(InputStream in, long sent) {
        var response = new ByteArrayOutputStream();
        try {
            in.transferTo(response);
        } catch (SocketTimeoutException e) {
            // Keep what came.
        } catch (IOException reset) {
            // A reset after the answer loses nothing we need.
        }
        var text = response.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Result(-1, text, sent);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyStart = text.indexOf("\r\n\r\n");
        return new Result(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4), sent);
    }

    /** An endless-looking body of one byte value after a prefix, of the given length. */
    static InputStream filler(byte[] prefix, long length, byte fill) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= length) {
                    return -1;
                }
                int b = position < prefix.length ? prefix[(int) position] & 0xFF : fill & 0xFF;
                position++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                for (int i = 0; i < n; i++) {
                    long p = position + i;
                    buffer[offset + i] = p < prefix.length ? prefix[(int) p] : fill;
                }
                position += n;
                return n;
            }
        };
    }
}
