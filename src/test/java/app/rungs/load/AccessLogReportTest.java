package app.rungs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccessLogReportTest {

    private static String line(String request, int status, long micros, String name) {
        return "127.0.0.1 - - [30/Nov/2026:13:20:01 +0000] \"" + request + " HTTP/1.1\" " + status + " 512 " + micros
                + " \"" + name + "\"";
    }

    @Test
    void aLineIsReadWithItsRequestNameStatusAndMicroseconds() {
        var e = AccessLogReport.parse(line("POST /?v-r=uidl&v-uiId=3", 200, 12_345, "manager: people grid page"));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo("manager: people grid page");
        assertThat(e.uidl()).isTrue();
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.micros()).isEqualTo(12_345);
        assertThat(e.at()).hasToString("2026-11-30T13:20:01Z");
    }

    @Test
    void aRequestWithoutTheHarnessHeaderIsNamedByItsPathWithIdsAndOnlyVaadinsRequestType() {
        var board = AccessLogReport.parse(line("GET /calibration/4711/nine-box?x=1", 200, 10, "-"));
        var heartbeat = AccessLogReport.parse(line("POST /?v-r=heartbeat&v-uiId=12", 200, 10, "-"));

        assertThat(board.kind()).isEqualTo("GET /calibration/{id}/nine-box");
        assertThat(heartbeat.kind()).isEqualTo("POST /?v-r=heartbeat");
        assertThat(heartbeat.uidl()).isFalse();
    }

    @Test
    void aLineInAnotherPatternIsNotRead() {
        assertThat(AccessLogReport.parse("127.0.0.1 - - [30/Nov/2026:13:20:01 +0000] \"GET / HTTP/1.1\" 200 512"))
                .isNull();
    }

    @Test
    void percentilesAreNearestRankInMillisecondsAndErrorsAreStatusesFrom400() {
        var entries = new ArrayList<AccessLogReport.Entry>();
        // 1..100 ms as microseconds; two of them refused
        IntStream.rangeClosed(1, 100)
                .forEach(ms -> entries.add(AccessLogReport.parse(
                        line("POST /?v-r=uidl&v-uiId=1", ms == 7 || ms == 8 ? 500 : 200, ms * 1000L, "board"))));
        entries.add(AccessLogReport.parse(line("POST /login", 302, 90_000, "sign in")));

        var rows = AccessLogReport.rows(entries);

        var board =
                rows.stream().filter(r -> r.kind().equals("board")).findFirst().orElseThrow();
        assertThat(board.count()).isEqualTo(100);
        assertThat(board.errors()).isEqualTo(2);
        assertThat(board.p50()).isEqualTo(50.0);
        assertThat(board.p95()).isEqualTo(95.0);
        assertThat(board.p99()).isEqualTo(99.0);
        assertThat(board.max()).isEqualTo(100.0);
        var signIn = rows.stream()
                .filter(r -> r.kind().equals("sign in"))
                .findFirst()
                .orElseThrow();
        assertThat(signIn.errors()).as("the sign-in's redirect is no error").isZero();
        // The last row covers every UIDL request and none of the others.
        assertThat(rows.getLast().kind()).startsWith("all UIDL");
        assertThat(rows.getLast().count()).isEqualTo(100);
    }

    @Test
    void theTableHasOneLinePerKindUnderAHeader() {
        var rows = AccessLogReport.rows(
                java.util.List.of(AccessLogReport.parse(line("GET /login", 200, 2_500, "login page"))));

        assertThat(AccessLogReport.markdown(rows))
                .isEqualTo("| request | count | errors | p50 ms | p95 ms | p99 ms | max ms |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|\n"
                        + "| login page | 1 | 0 | 2.5 | 2.5 | 2.5 | 2.5 |\n");
    }
}
