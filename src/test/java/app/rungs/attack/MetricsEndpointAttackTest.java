package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on /actuator/prometheus: only the scraper addresses (rungs.metrics.scrapers, loopback here) may read the
 * metrics; a client elsewhere is refused, also when it forges a forwarding header naming a scraper's address.
 */
@IntegrationTest
class MetricsEndpointAttackTest {

    @LocalServerPort
    int port;

    private String scrape(String from, String... headers) throws IOException {
        return request("/actuator/prometheus", from, headers);
    }

    private String request(String path, String from, String... headers) throws IOException {
        try (var socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            var request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            for (var h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aClientThatIsNotAScraperIsRefusedTheMetrics() throws IOException {
        var response = scrape("127.0.0.2");
        assertThat(response).doesNotStartWith("HTTP/1.1 200").doesNotContain("hikaricp_connections");
    }

    @Test
    void aForgedForwardedForNamingAScraperDoesNotOpenTheMetrics() throws IOException {
        var response = scrape("127.0.0.2", "X-Forwarded-For: 127.0.0.1", "X-Real-IP: 127.0.0.1");
        assertThat(response).doesNotStartWith("HTTP/1.1 200").doesNotContain("hikaricp_connections");
    }

    @Test
    void aScraperReadsTheMetricsThatMatterWithoutAnAccount() throws IOException {
        request("/login", "127.0.0.1");
        var response = scrape("127.0.0.1");
        assertThat(response)
                .startsWith("HTTP/1.1 200")
                .contains("hikaricp_connections_active{")
                .contains("pool=\"rungs\"")
                .contains("http_server_requests_seconds_bucket")
                .contains("rungs_ui_sessions")
                .contains("rungs_ui_tabs")
                .contains("rungs_live_listening")
                .contains("rungs_live_lag_seconds");
    }
}
