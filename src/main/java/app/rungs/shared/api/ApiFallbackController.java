package app.rungs.shared.api;

import app.rungs.shared.service.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unknown paths under /api/v1 answer a JSON 404. Without it they would fall through to Vaadin's catch-all mapping and
 * an API client would get an HTML page.
 */
@Hidden
@RestController
class ApiFallbackController {

    @RequestMapping("/api/v1/**")
    void unknown() {
        throw new NotFoundException("There is no such API endpoint; the endpoints are listed at /v3/api-docs.");
    }
}
