package app.rungs.shared.ui.charts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * An Apache ECharts chart. The library comes from its WebJar ({@code org.webjars.npm:echarts}, served by Spring Boot at
 * {@code /webjars/echarts/...}) and is loaded by the browser once per page, on first use: no frontend bundle, no npm
 * (docs/decisions/0023). The option object is built in Java ({@link ChartOptions}) and sent as JSON; the chart fills
 * the component's width, resizes with it, follows the light/dark colour scheme, and reports a click on a bar, cell or
 * box as a {@link ChartClick} of the data item's key.
 *
 * <p>Data items may carry {@code "key": {"series": ..., "category": ...}} (the builders in {@link ChartOptions} add
 * it); without one, the click reports the series name and the category name ECharts gives.
 */
public class EChart extends Div {

    /** Where Spring Boot serves the library from the WebJar; relative to the page's base URL. */
    public static final String SCRIPT = "webjars/echarts/5.3.1/dist/echarts.min.js";

    // Loads the library once per page (a promise shared by every chart), then creates or updates this chart. The
    // chart is re-created when the colour scheme flips, since an ECharts theme is fixed at init.
    private static final String RENDER = """
            const el = this;
            el.__option = $0;
            window.__rungsEcharts = window.__rungsEcharts || new Promise((ok, fail) => {
              if (window.echarts) { ok(window.echarts); return; }
              const s = document.createElement('script');
              s.src = new URL($1, document.baseURI).href;
              s.onload = () => ok(window.echarts);
              s.onerror = () => { window.__rungsEcharts = null; fail(new Error('The chart library did not load.')); };
              document.head.appendChild(s);
            });
            return window.__rungsEcharts.then(echarts => {
              const dark = () => {
                const html = document.documentElement;
                return (html.getAttribute('theme') || '').includes('dark')
                  || getComputedStyle(html).colorScheme === 'dark';
              };
              el.__render = () => {
                const isDark = dark();
                if (el.__chart && (el.__dark !== isDark || el.__chart.isDisposed())) {
                  el.__chart.dispose();
                  el.__chart = null;
                }
                if (!el.__chart) {
                  el.__chart = echarts.init(el, isDark ? 'dark' : null, { renderer: 'svg' });
                  el.__dark = isDark;
                  el.__chart.on('click', p => {
                    const key = (p.data && p.data.key) || { series: p.seriesName || '', category: String(p.name || '') };
                    el.dispatchEvent(new CustomEvent('chart-click', { detail: key }));
                  });
                }
                const option = JSON.parse(el.__option);
                option.backgroundColor = 'transparent';
                el.__chart.setOption(option, true);
                el.setAttribute('data-rendered', 'true');
              };
              el.__render();
              if (!el.__resize) {
                el.__resize = new ResizeObserver(() => el.__chart && el.__chart.resize());
                el.__resize.observe(el);
                el.__scheme = new MutationObserver(() => { if (el.__chart && el.__dark !== dark()) el.__render(); });
                el.__scheme.observe(document.documentElement, { attributes: true, attributeFilter: ['theme', 'style'] });
              }
            });
            """;

    private static final String DISPOSE = """
            const el = this;
            if (el.__resize) { el.__resize.disconnect(); el.__scheme.disconnect(); el.__resize = null; el.__scheme = null; }
            if (el.__chart) { el.__chart.dispose(); el.__chart = null; }
            """;

    private final List<Consumer<ChartClick>> listeners = new ArrayList<>();
    private String option = "{}";

    public EChart() {
        addClassName("echart");
        getElement().setAttribute("role", "img");
        getElement()
                .addEventListener("chart-click", e -> {
                    var click = new ChartClick(
                            e.getEventData().get("event.detail.series").asString(""),
                            e.getEventData().get("event.detail.category").asString(""));
                    List.copyOf(listeners).forEach(l -> l.accept(click));
                })
                .addEventData("event.detail.series")
                .addEventData("event.detail.category");
    }

    /** Shows this option (the whole chart: axes, series, legend); replaces the previous one. */
    public void setOption(JsonNode option) {
        setOption(option.toString());
    }

    /** Shows this option given as JSON text. */
    public void setOption(String json) {
        this.option = json;
        if (isAttached()) {
            render();
        }
    }

    /** The option last set, as JSON text. */
    public String getOption() {
        return option;
    }

    /** The text screen readers announce for the chart (the data table alternative has the numbers). */
    public void setLabel(String label) {
        getElement().setAttribute("aria-label", label);
    }

    /** Called with the key of the data item a user clicks (a bar, heatmap cell or box). */
    public Registration addChartClickListener(Consumer<ChartClick> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        render();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        getElement().executeJs(DISPOSE);
        super.onDetach(detachEvent);
    }

    private void render() {
        getElement().executeJs(RENDER, option, SCRIPT);
    }
}
