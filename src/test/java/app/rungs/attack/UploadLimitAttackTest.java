package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.e2e.BrowserTestSupport;
import app.rungs.people.service.PeopleImportService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.ui.UploadStorage;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks the upload limits over real HTTP: a browser signs in and opens the screen (for a real Vaadin session and the
 * upload's target URL), then a plain socket posts what a hostile client would — huge declared sizes, chunked bodies
 * that never say their size, many files at once — and the test checks what the server read and kept.
 */
@IntegrationTest
class UploadLimitAttackTest {

    static final long MB = 1024 * 1024;
    static final byte[] PDF_HEAD = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    /** A refused body may still be read up to the limit, plus Tomcat's swallow (2 MB) and the sockets' buffers. */
    static final long READ_BOUND = 40 * MB;

    @LocalServerPort
    int port;

    @Autowired
    PeopleImportService importer;

    WebDriver driver;

    /** The upload target of the screen open in the browser, and the browser's session. */
    record Target(String path, String sessionId, String headers) {}

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
    void anUploadDeclaredOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        var target = openEvidenceEditor();
        long files = UploadStorage.fileCount();
        long heap = usedHeapAfterGc();

        var result = post(
                target, "huge.pdf", "application/pdf", 1024 * MB, RawUpload.filler(PDF_HEAD, 1024 * MB, (byte) 'x'));

        var message = "huge.pdf is 1 GB; attachments may be at most 10 MB.";
        assertRefused(result, message);
        assertThat(result.bytesSent()).isLessThan(READ_BOUND);
        awaitText("#evidence-problems", message);
        assertThat(UploadStorage.fileCount()).isEqualTo(files);
        assertThat(usedHeapAfterGc() - heap).isLessThan(64 * MB);
        BrowserTestSupport.screenshot(driver, "upload-refused-evidence");
    }

    @Test
    void aChunkedUploadThatHidesItsSizeIsCutOffAtTheLimit() throws Exception {
        var target = openEvidenceEditor();
        long files = UploadStorage.fileCount();
        long reserved = UploadStorage.reservedBytes();

        var result =
                post(target, "chunked.pdf", "application/pdf", -1, RawUpload.filler(PDF_HEAD, 300 * MB, (byte) 'x'));

        var message = "chunked.pdf is larger than 10 MB; attachments may be at most 10 MB.";
        assertRefused(result, message);
        assertThat(result.bytesSent()).isLessThan(READ_BOUND);
        awaitText("#evidence-problems", message);
        // The part that arrived before the cut is deleted and its allowance given back.
        assertThat(UploadStorage.fileCount()).isEqualTo(files);
        assertThat(UploadStorage.reservedBytes()).isEqualTo(reserved);
    }

    @Test
    void parallelUploadsCannotExceedTheSessionsTotalOfUnsavedFiles() throws Exception {
        var target = openEvidenceEditor();
        long files = UploadStorage.fileCount();
        long reserved = UploadStorage.reservedBytes();
        long size = 99 * MB / 10; // 9.9 MB: under the file limit; six of them are over the session's 50 MB

        var pool = Executors.newFixedThreadPool(6);
        var uploads = new ArrayList<Callable<RawUpload.Result>>();
        for (int i = 1; i <= 6; i++) {
            var name = "part-" + i + ".pdf";
            uploads.add(
                    () -> post(target, name, "application/pdf", size, RawUpload.filler(PDF_HEAD, size, (byte) 'x')));
        }
        var results = new ArrayList<RawUpload.Result>();
        for (var future : pool.invokeAll(uploads)) {
            results.add(future.get());
        }
        pool.shutdown();

        assertThat(results.stream().filter(r -> r.status() == 200)).hasSize(5);
        var refused = results.stream().filter(r -> r.status() != 200).toList();
        assertThat(refused).hasSize(1);
        assertThat(refused.getFirst().body()).contains("your unsaved uploads may hold at most 50 MB together");
        awaitText("#evidence-problems", "your unsaved uploads may hold at most 50 MB together and already hold 49 MB");
        // Waiting on disk, not in the heap.
        assertThat(UploadStorage.fileCount()).isEqualTo(files + 5);
        assertThat(UploadStorage.reservedBytes() - reserved).isEqualTo(5 * size);

        // Closing the dialog deletes them and gives the allowance back: the next upload fits again.
        cancelEditor();
        awaitCondition(() -> UploadStorage.fileCount() == files && UploadStorage.reservedBytes() == reserved);
        var again = reopenEvidenceEditor();
        var accepted = post(again, "part-6.pdf", "application/pdf", size, RawUpload.filler(PDF_HEAD, size, (byte) 'x'));
        assertThat(accepted.status()).isEqualTo(200);
        awaitText(".attachment-list", "part-6.pdf");
    }

    @Test
    void aHugePeopleFileIsRefusedWhileItStreamsIn() throws Exception {
        var target = openPeopleImport();
        long files = UploadStorage.fileCount();

        var chunked = post(target, "hris.csv", "text/csv", -1, peopleCsv(120 * MB));
        var cut = "hris.csv is larger than 40 MB; people files may be at most 40 MB.";
        assertRefused(chunked, cut);
        assertThat(chunked.bytesSent()).isLessThan(40 * MB + READ_BOUND);
        awaitText("p", cut);
        BrowserTestSupport.screenshot(driver, "upload-refused-people-import");

        var declared = post(target, "hris.csv", "text/csv", 120 * MB, peopleCsv(120 * MB));
        var refused = "hris.csv is 120 MB; people files may be at most 40 MB.";
        assertRefused(declared, refused);
        assertThat(declared.bytesSent()).isLessThan(READ_BOUND);
        awaitText("p", refused);
        assertThat(UploadStorage.fileCount()).isEqualTo(files);
    }

    @Test
    void theImportReadsAHugeFileOnlyUpToItsLimit() {
        var read = new AtomicLong();
        var preview = SystemAuthentication.call(() ->
                importer.preview(() -> counting(peopleCsv(120 * MB), read), "hris.csv", null));
        assertThat(preview.fileProblems())
                .containsExactly(
                        "The file is larger than 40 MB; people files may be at most 40 MB. Split it into smaller files.");
        assertThat(preview.rows()).isEmpty();
        assertThat(read.get()).isBetween(40 * MB, 40 * MB + 1);
    }

    @Test
    void theRowLimitStopsReadingInsteadOfReadingTheWholeFile() throws IOException {
        var rows = 120_000;
        var header = "name,email\n";
        var total = new StringBuilder(header);
        for (int i = 0; i < rows; i++) {
            total.append("Row ").append(i).append(",row").append(i).append("@limit.example\n");
        }
        var bytes = total.toString().getBytes(StandardCharsets.UTF_8);
        var read = new AtomicLong();
        var preview = SystemAuthentication.call(
                () -> importer.preview(() -> counting(new ByteArrayInputStream(bytes), read), "rows.csv", null));
        assertThat(preview.fileProblems())
                .containsExactly("The file has more than 100000 people; split it into smaller files.");
        // Reading stopped at row 100,001, not at the end of the file.
        assertThat(read.get()).isLessThan(bytes.length - 100_000);
    }

    @Test
    void normalUploadsOfAttachmentsAndPeopleFilesStillWork() throws Exception {
        var target = openEvidenceEditor();
        long files = UploadStorage.fileCount();
        var pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var result = post(target, "small.pdf", "application/pdf", pdf.length, new ByteArrayInputStream(pdf));
        assertThat(result.status()).isEqualTo(200);
        awaitText(".attachment-list", "small.pdf");
        assertThat(UploadStorage.fileCount()).isEqualTo(files + 1);
        cancelEditor();
        awaitCondition(() -> UploadStorage.fileCount() == files);

        var people = openPeopleImport();
        var csv = ("name,email,title,team,manager email,ladder,level key,start date,role\n"
                        + "Upload Ok,upload.ok@limit.example,Engineer,,,Distributed Systems Engineering,DSE-1,,\n")
                .getBytes(StandardCharsets.UTF_8);
        var ok = post(people, "hris.csv", "text/csv", csv.length, new ByteArrayInputStream(csv));
        assertThat(ok.status()).isEqualTo(200);
        awaitText("p", "Checked 1 rows of hris.csv");
        driver.get(base() + "/people");
        awaitCondition(() -> UploadStorage.fileCount() == files);
    }

    @Test
    void aMultipartUploadOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        var target = openEvidenceEditor();
        long files = UploadStorage.fileCount();
        long heap = usedHeapAfterGc();
        var boundary = "rungs-attack";
        var prefix = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII);
        var result = post(
                target,
                "m.pdf",
                "multipart/form-data; boundary=" + boundary,
                -1,
                RawUpload.filler(prefix, 300 * MB, (byte) 'x'));
        assertThat(result.status()).isNotEqualTo(200);
        assertThat(result.bytesSent()).isLessThan(21 * MB + READ_BOUND);
        assertThat(UploadStorage.fileCount()).isEqualTo(files);
        assertThat(usedHeapAfterGc() - heap).isLessThan(64 * MB);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private RawUpload.Result post(
            Target target, String fileName, String contentType, long declaredLength, InputStream body)
            throws IOException {
        return RawUpload.post(
                port, target.path(), target.sessionId(), target.headers(), fileName, contentType, declaredLength, body);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private Target openEvidenceEditor() {
        BrowserTestSupport.signIn(driver, base(), DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("login"));
        return reopenEvidenceEditor();
    }

    private Target reopenEvidenceEditor() {
        driver.get(base() + "/my-evidence");
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> !d.findElements(By.id("log-evidence")).isEmpty());
        driver.findElement(By.id("log-evidence")).click();
        return target("#evidence-upload");
    }

    private Target openPeopleImport() {
        BrowserTestSupport.signIn(driver, base(), DemoUsers.ADMIN, DemoUsers.PASSWORD);
        BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("login"));
        driver.get(base() + "/people/import");
        return target("vaadin-upload");
    }

    private Target target(String selector) {
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> {
            var upload = BrowserTestSupport.deepFind(d, selector, null);
            return upload != null && upload.getAttribute("target") != null;
        });
        var path = BrowserTestSupport.deepFind(driver, selector, null).getAttribute("target");
        var session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        // The page's CSRF token, sent by the upload component as a header when the page has one.
        var csrf = (String) ((JavascriptExecutor) driver).executeScript("""
                        const token = document.querySelector('meta[name="_csrf"]');
                        const header = document.querySelector('meta[name="_csrf_header"]');
                        return token && header ? header.content + ': ' + token.content + '\\r\\n' : '';
                        """);
        return new Target(path.startsWith("/") ? path.substring(1) : path, session, csrf);
    }

    private void awaitText(String selector, String text) {
        BrowserTestSupport.waitFor(driver).until(d -> BrowserTestSupport.deepFind(d, selector, text) != null);
    }

    /** Cancels the evidence editor, confirming "Discard your changes?" when the form asks (it does once a file waits). */
    private void cancelEditor() throws InterruptedException {
        clickDeep("#evidence-cancel");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            var discard = BrowserTestSupport.deepFind(driver, "vaadin-button", "Discard");
            if (discard != null) {
                ((JavascriptExecutor) driver).executeScript("arguments[0].click()", discard);
                return;
            }
            if (BrowserTestSupport.deepFind(driver, "#evidence-cancel", null) == null) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private void clickDeep(String selector) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].click()", BrowserTestSupport.deepFind(driver, selector, null));
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out");
            }
            Thread.sleep(50);
        }
    }

    private static void assertRefused(RawUpload.Result result, String message) {
        // The refusal comes as 422 with the reason; a client that goes on sending may see the connection closed first.
        assertThat(result.status()).isIn(422, -1);
        if (result.status() == 422) {
            assertThat(result.body()).contains(message);
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * A people file of about the given size: a header and the same row again and again, long enough (600 bytes) that
     * the byte limit comes before the row limit.
     */
    static InputStream peopleCsv(long size) {
        var header = "name,email,title,team,manager email,ladder,level key,start date,role\n"
                .getBytes(StandardCharsets.UTF_8);
        var row = ("Many Rows,many.rows@limit.example," + "Engineer ".repeat(56)
                        + ",,,Distributed Systems Engineering,DSE-1,,\n")
                .getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int b = position < header.length
                        ? header[(int) position]
                        : row[(int) ((position - header.length) % row.length)];
                position++;
                return b & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        };
    }

    static InputStream counting(InputStream in, AtomicLong read) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }
}
