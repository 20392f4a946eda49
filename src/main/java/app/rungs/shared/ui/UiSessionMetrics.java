package app.rungs.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Open Vaadin sessions ({@code rungs.ui.sessions}) and UIs, i.e. browser tabs ({@code rungs.ui.tabs}) on this
 * instance: what a sticky-session deployment balances, and what an instance loses when it stops.
 */
@Component
class UiSessionMetrics implements VaadinServiceInitListener {

    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger tabs = new AtomicInteger();

    UiSessionMetrics(MeterRegistry registry) {
        Gauge.builder("rungs.ui.sessions", sessions, AtomicInteger::get)
                .description("Open Vaadin sessions on this instance")
                .register(registry);
        Gauge.builder("rungs.ui.tabs", tabs, AtomicInteger::get)
                .description("Open Vaadin UIs (browser tabs) on this instance")
                .register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> sessions.incrementAndGet());
        event.getSource().addSessionDestroyListener(e -> sessions.decrementAndGet());
        event.getSource().addUIInitListener(e -> {
            tabs.incrementAndGet();
            e.getUI().addDetachListener(detach -> tabs.decrementAndGet());
        });
    }
}
