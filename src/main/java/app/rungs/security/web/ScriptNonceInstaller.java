package app.rungs.security.web;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Stamps this response's CSP nonce on every script of Vaadin's bootstrap page, so its own inline scripts run while
 * any other inline script is refused by the browser.
 */
@Component
class ScriptNonceInstaller implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (page.getVaadinRequest().getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE) instanceof String nonce) {
                page.getDocument().getElementsByTag("script").forEach(script -> script.attr("nonce", nonce));
            }
        });
    }
}
