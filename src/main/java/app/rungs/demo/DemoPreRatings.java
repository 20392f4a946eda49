package app.rungs.demo;

import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.PreRatings;
import app.rungs.promotion.service.Cycles;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Seeds the blind pre-ratings of {@code demo/pre-ratings.yaml} into this cycle's demo session, each entered by its
 * participant (signed in as them, through the secured service). Runs after {@link DemoCalibration}, only while that
 * session prepares and nobody has pre-rated in it yet.
 */
@Component
@Order(31)
class DemoPreRatings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPreRatings.class);

    private final DemoSignIn demo;
    private final CalibrationSessions sessions;
    private final PreRatings preRatings;

    DemoPreRatings(DemoSignIn demo, CalibrationSessions sessions, PreRatings preRatings) {
        this.demo = demo;
        this.sessions = sessions;
        this.preRatings = preRatings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        var data = DemoData.preRatings();
        var name = data.sessionName().replace("{cycle}", Cycles.of(LocalDate.now()));
        // The chair facilitates the session, so it is among the sessions she may open.
        var session = demo.as(
                DemoPromotions.user(DemoData.calibration().chair()),
                () -> sessions.find(PageRequest.of(0, 50)).stream()
                        .filter(s -> s.name().equals(name))
                        .findFirst());
        if (session.isEmpty()) {
            return;
        }
        var id = session.get().id();
        try {
            for (var rater : data.raters().entrySet()) {
                demo.run(DemoPromotions.user(rater.getKey()), () -> {
                    var form = preRatings.form(id);
                    if (!form.mayRate() || form.rows().stream().anyMatch(r -> r.myRating() != null)) {
                        return;
                    }
                    for (var row : form.rows()) {
                        var rating = rater.getValue().get(row.personName());
                        if (rating != null) {
                            preRatings.rate(id, row.entryId(), rating);
                        }
                    }
                });
            }
        } catch (RuntimeException e) {
            // Demo data must never stop Rungs from starting.
            log.warn("Could not seed the demo pre-ratings", e);
        }
    }
}
