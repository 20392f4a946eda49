package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.e2e.BrowserTestSupport;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an upload costs the server's heap, over real HTTP into the evidence editor: a 200 MB attachment (declared
 * with Content-Length), and five 9.9 MB attachments left waiting unsaved. Peak heap is sampled every 2 ms while the
 * upload runs; "retained" is the used heap after GC once the screen has shown its answer. Only uses what every
 * version of Rungs has, so it can be run before and after a change:
 * {@code ./mvnw -B verify -Dgroups=benchmark -DexcludedGroups= -Dtest=UploadHeapBenchmarkTest}.
 */
@IntegrationTest
@Tag("benchmark")
class UploadHeapBenchmarkTest {

    static final long MB = 1024 * 1024;

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = BrowserTestSupport.startChrome();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void heapCostOfLargeAndPendingUploads() throws Exception {
        var base = "http://localhost:" + port;
        BrowserTestSupport.signIn(driver, base, DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("login"));
        driver.get(base + "/my-evidence");
        BrowserTestSupport.waitFor(driver)
                .until(d -> !d.findElements(By.id("log-evidence")).isEmpty());
        driver.findElement(By.id("log-evidence")).click();
        BrowserTestSupport.waitFor(driver).until(d -> {
            var upload = BrowserTestSupport.deepFind(d, "#evidence-upload", null);
            return upload != null && upload.getAttribute("target") != null;
        });
        var path = BrowserTestSupport.deepFind(driver, "#evidence-upload", null).getAttribute("target");
        var session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        var csrf = (String) ((JavascriptExecutor) driver).executeScript("""
                        const token = document.querySelector('meta[name="_csrf"]');
                        const header = document.querySelector('meta[name="_csrf_header"]');
                        return token && header ? header.content + ': ' + token.content + '\\r\\n' : '';
                        """);
        var head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);

        long baseline = usedHeapAfterGc();
        var peak = new AtomicLong();
        var sampling = new AtomicBoolean(true);
        var sampler = Thread.ofPlatform().start(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        var big = RawUpload.post(
                port,
                path,
                session,
                csrf,
                "huge.pdf",
                "application/pdf",
                200 * MB,
                RawUpload.filler(head, 200 * MB, (byte) 'x'));
        BrowserTestSupport.waitFor(driver)
                .until(d -> BrowserTestSupport.deepFind(d, "#evidence-problems", "huge.pdf") != null);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        sampling.set(false);
        sampler.join();
        long retainedBig = usedHeapAfterGc() - baseline;

        long size = 99 * MB / 10;
        for (int i = 1; i <= 5; i++) {
            var part = RawUpload.post(
                    port,
                    path,
                    session,
                    csrf,
                    "part-" + i + ".pdf",
                    "application/pdf",
                    size,
                    RawUpload.filler(head, size, (byte) 'x'));
            assertThat(part.status()).isEqualTo(200);
        }
        BrowserTestSupport.waitFor(driver)
                .until(d -> BrowserTestSupport.deepFind(d, ".attachment-list", "part-5.pdf") != null);
        long retainedPending = usedHeapAfterGc() - baseline;

        var report = String.format(
                "200 MB upload: HTTP %d after %d ms, %d MB sent, peak heap +%d MB over a %d MB baseline, retained +%d MB"
                        + " after GC%nfive 9.9 MB attachments waiting unsaved: retained +%d MB after GC%n",
                big.status(),
                millis,
                big.bytesSent() / MB,
                (peak.get() - baseline) / MB,
                baseline / MB,
                retainedBig / MB,
                retainedPending / MB);
        System.out.print(report);
        var out = Path.of("target", "benchmarks", "uploads.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    static long usedHeapAfterGc() throws InterruptedException {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
