package app.rungs.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;

/**
 * 200 concurrent users of Rungs (or load.users): engineers, managers and a calibration session in the shares of
 * load.engineerPercent / load.managerPercent (the rest on the board), started evenly over load.rampSeconds, each
 * working until ramp + load.steadySeconds are over. Bounded: Gatling stops the run a minute after that whatever
 * happens. See docs/benchmarks/load.md.
 */
public class RungsSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties();

    {
        var deadline = System.currentTimeMillis() + settings.total().toMillis();
        var scenarios = new Scenarios(settings, deadline);
        var protocol = http.baseUrl(settings.baseUrl())
                .acceptHeader("text/html,application/json;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("en")
                .userAgentHeader("rungs-load (Gatling)")
                .disableCaching();
        var populations = new ArrayList<PopulationBuilder>();
        add(populations, scenarios.engineers(), settings.engineerUsers());
        add(populations, scenarios.managers(), settings.managerUsers());
        add(populations, scenarios.calibration(), settings.boardUsers());
        setUp(populations)
                .protocols(protocol)
                .maxDuration(settings.total().plus(Duration.ofMinutes(1)))
                // Fails the Maven build when anything failed: any non-2xx, Vaadin error or missing element.
                .assertions(global().failedRequests().count().is(0L));
    }

    private void add(ArrayList<PopulationBuilder> populations, io.gatling.javaapi.core.ScenarioBuilder scenario, int n) {
        if (n > 0) {
            populations.add(scenario.injectOpen(rampUsers(n).during(settings.ramp())));
        }
    }
}
