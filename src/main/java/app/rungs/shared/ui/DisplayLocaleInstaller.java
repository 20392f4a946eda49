package app.rungs.shared.ui;

import app.rungs.shared.domain.DateTexts;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Remembers the browser's preferred locale (Accept-Language) for the session, for {@link Formats}, and lets the
 * services' texts (messages, exports) use the same locale and zone as the screens.
 */
@Component
class DisplayLocaleInstaller implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        DateTexts.resolveWith(Formats::locale, Formats::zone);
        event.getSource().addSessionInitListener(init -> {
            var locale = init.getRequest().getLocale();
            if (locale != null) {
                init.getSession().setAttribute(Formats.LOCALE_ATTRIBUTE, locale);
            }
        });
    }
}
