package app.rungs.webhook.web;

import app.rungs.webhook.domain.WebhookSource;
import app.rungs.webhook.service.WebhookAnswer;
import app.rungs.webhook.service.WebhookReceiver;
import app.rungs.webhook.service.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two webhook endpoints: POST /api/webhooks/pagerduty and /api/webhooks/github. Reads the raw body (the signed
 * bytes) up to a limit, refusing larger ones before reading them, and answers JSON with the outcome and why.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    /** PagerDuty drops webhooks over 256 KB; a pull request event is far smaller than this. */
    static final int MAX_BODY = 512 * 1024;

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/pagerduty")
    ResponseEntity<Map<String, Object>> pagerDuty(HttpServletRequest request) throws IOException {
        return receive(
                WebhookSource.PAGERDUTY,
                request,
                request.getHeader("X-PagerDuty-Signature"),
                null,
                request.getHeader("X-Webhook-Id"));
    }

    @PostMapping("/github")
    ResponseEntity<Map<String, Object>> gitHub(HttpServletRequest request) throws IOException {
        return receive(
                WebhookSource.GITHUB,
                request,
                request.getHeader("X-Hub-Signature-256"),
                request.getHeader("X-GitHub-Event"),
                request.getHeader("X-GitHub-Delivery"));
    }

    @PostMapping("/{other}")
    ResponseEntity<Map<String, Object>> unknown(@PathVariable String other) {
        return ResponseEntity.status(404)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", "Rungs accepts webhooks at /api/webhooks/pagerduty and /api/webhooks/github."));
    }

    private ResponseEntity<Map<String, Object>> receive(
            WebhookSource source, HttpServletRequest request, String signature, String event, String deliveryId)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return answer(receiver.tooLarge(source, deliveryId, MAX_BODY));
        }
        var body = read(request);
        if (body == null) {
            return answer(receiver.tooLarge(source, deliveryId, MAX_BODY));
        }
        return answer(receiver.receive(new WebhookRequest(source, signature, event, deliveryId, body)));
    }

    /** The body, or null when it turns out longer than the limit (chunked bodies announce no length). */
    private static byte[] read(HttpServletRequest request) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try (var in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > MAX_BODY) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ResponseEntity<Map<String, Object>> answer(WebhookAnswer a) {
        var body = new LinkedHashMap<String, Object>();
        body.put("outcome", a.outcome().name());
        body.put("message", a.message());
        body.put("draftsCreated", a.draftsCreated());
        return ResponseEntity.status(a.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
