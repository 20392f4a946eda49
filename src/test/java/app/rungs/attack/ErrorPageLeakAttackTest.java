package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.rungs.shell.ui.InternalErrorView;
import app.rungs.shell.ui.NotFoundView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Error pages must not tell an attacker what failed inside (exception classes, messages, SQL, hosts): they show a
 * reference id, and the log has the details under that id.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPageLeakAttackTest extends SpringBrowserlessTest {

    private static final List<String> LEAKS = List.of(
            "Exception", "exception", "For input string", "java.", "org.springframework", "at app.rungs", "SQL");

    @LocalServerPort
    int port;

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void malformedIdsInAddressesShowNotFoundAndNoExceptionDetails() throws IOException {
        var session = new RawHttp(port).signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        for (var path : List.of(
                "promotions/999999999999999999999",
                "people/abc",
                "people/99999999999999999999",
                "ladders/abc/history",
                "ladders/99999999999999999999/levels/DSE-2",
                "calibration/99999999999999999999/preparation",
                "calibration/abc")) {
            // In the app (navigation inside the single-page app) ...
            var view = navigate(path, NotFoundView.class);
            var text = view.getElement().getTextRecursively();
            assertThat(text).as(path).contains("Page not found").doesNotContain(LEAKS);
            // ... and loading the address directly.
            var page = new RawHttp(port).get("/" + path, session.cookie());
            assertThat(page.status()).as(path).isIn(403, 404);
            assertThat(page.body()).as(path).doesNotContain(LEAKS);
        }
    }

    @Test
    void springsErrorEndpointShowsNoExceptionDetails() throws IOException {
        var http = new RawHttp(port);
        var session = http.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        for (var response : List.of(
                http.get("/error", session.cookie()),
                http.get("/error", session.cookie(), "Accept: application/json"),
                http.get("/actuator/nothing-here", session.cookie(), "Accept: application/json"))) {
            assertThat(response.body()).doesNotContain(LEAKS).doesNotContain("trace");
        }
    }

    @Test
    void aMalformedRequestToTomcatShowsNoServerDetails() throws IOException {
        var response = new RawHttp(port).get("/%zz");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain(LEAKS).doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void aFailingScreenShowsOnlyAReferenceThatTheLogCarriesWithTheStackTrace(CapturedOutput output) {
        var view = new InternalErrorView();
        var event = mock(BeforeEnterEvent.class);
        when(event.getLocation()).thenReturn(new Location("promotions/42"));
        var failure = new IllegalStateException(
                "Connection to db.internal:5432 refused", new ConnectException("Connection refused"));

        int status = view.setErrorParameter(event, new ErrorParameter<>(Exception.class, failure));

        assertThat(status).isEqualTo(500);
        var text = view.getElement().getTextRecursively();
        assertThat(text).doesNotContain("db.internal", "ConnectException", "IllegalStateException");
        var reference = Pattern.compile("reference ([0-9a-f]{8})").matcher(text);
        assertThat(reference.find()).as(text).isTrue();
        assertThat(output.getAll())
                .contains("[ref " + reference.group(1) + "]")
                .contains("java.net.ConnectException: Connection refused");
    }
}
