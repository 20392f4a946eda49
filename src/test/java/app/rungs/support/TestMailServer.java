package app.rungs.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) per test JVM, on a port chosen once, so the shared application context sends its
 * email there ({@link TestMailConfiguration}). Tests read the delivered mail back, and stop and start the server to
 * play an outage; it comes back on the same port.
 */
public final class TestMailServer {

    private static GreenMail server;
    private static int port;

    private TestMailServer() {}

    public static synchronized int port() {
        if (port == 0) {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestMailServer::stop));
        }
        return port;
    }

    /** Starts the server (again) on its port; a no-op while it runs. */
    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server: sending fails with a refused connection until {@link #start}. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message delivered since the server (last) started. */
    public static synchronized List<MimeMessage> received() {
        port();
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    /** The messages delivered to one address. */
    public static List<MimeMessage> receivedBy(String address) {
        return received().stream()
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
