package app.rungs.demo;

import app.rungs.demo.DemoData.Case;
import app.rungs.demo.DemoData.Step;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.service.Cycles;
import app.rungs.promotion.service.PromotionContent;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the promotion cases of {@code demo/promotions.yaml}, each made by the people who would make it (signed in
 * as them, through the secured service): Lena Fischer's case submitted by Daniel Okafor, Chloé Dubois's in
 * calibration, Yuki Tanaka approved last cycle (so his level history links to the case), Olga Petrova's "not yet"
 * with feedback, and Tomás Novák's self-nomination waiting for Daniel. Works with or without demo evidence: packets
 * read whatever evidence exists.
 *
 * <p>Same enablement as {@link DemoOrganization}; runs after it and the evidence demo, and only while no case exists.
 */
@Component
@Order(20)
class DemoPromotions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPromotions.class);

    private final DemoSignIn demo;
    private final AccountService accounts;
    private final PromotionService promotions;
    private final PromotionContent content;
    private final PromotionReviews reviews;
    private final PromotionQueries queries;

    DemoPromotions(
            DemoSignIn demo,
            AccountService accounts,
            PromotionService promotions,
            PromotionContent content,
            PromotionReviews reviews,
            PromotionQueries queries) {
        this.demo = demo;
        this.accounts = accounts;
        this.promotions = promotions;
        this.content = content;
        this.reviews = reviews;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        boolean seed = SystemAuthentication.call(() -> queries.countAll() == 0
                && accounts.findByUsername(user("Daniel Okafor")).isPresent());
        if (seed) {
            long started = System.nanoTime();
            var cycles = new Cycle(LocalDate.now());
            DemoData.promotions().forEach(c -> open(c, cycles));
            log.info("Seeded the demo promotion cases in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** This and last cycle's labels, and the day an approval takes effect: the start of this cycle. */
    private record Cycle(String current, String last, LocalDate effective) {
        Cycle(LocalDate today) {
            this(
                    Cycles.of(today),
                    Cycles.previous(today),
                    today.getMonthValue() <= 6
                            ? today.withDayOfYear(1)
                            : today.withMonth(7).withDayOfMonth(1));
        }
    }

    private void open(Case c, Cycle cycles) {
        var cycle = c.cycle().equals("last") ? cycles.last() : cycles.current();
        var by = user(c.by());
        Long id;
        if (c.selfNomination()) {
            id = demo.as(by, () -> promotions.nominateSelf(c.level(), cycle, c.reason()));
        } else {
            var engineer = personOf(c.person());
            id = demo.as(by, () -> promotions.nominate(engineer, c.level(), cycle, c.reason()));
        }
        if (!c.narratives().isEmpty()) {
            var asked = areasAsked(id);
            demo.run(
                    by,
                    () -> c.narratives().forEach((area, text) -> {
                        if (asked.contains(area)) {
                            content.setNarrative(id, version(id), area, text);
                        }
                    }));
        }
        for (var name : c.reviewers()) {
            var reviewer = personOf(name);
            demo.run(by, () -> reviews.addReviewer(id, version(id), reviewer));
        }
        for (var step : c.steps()) {
            demo.run(user(step.as()), () -> take(id, step, cycles));
        }
    }

    private void take(Long id, Step step, Cycle cycles) {
        switch (step.action()) {
            case "comment" -> reviews.comment(id, CommentKind.COMMENT, step.text());
            case "committee-note" -> reviews.comment(id, CommentKind.COMMITTEE_NOTE, step.text());
            case "submit" -> promotions.submit(id, version(id), null);
            case "sign-off" -> reviews.signOff(id, step.decision(), step.text());
            case "start-calibration" -> promotions.startCalibration(id, version(id), null);
            case "approve" ->
                promotions.approve(
                        id, version(id), cycles.effective(), step.text().replace("{last}", cycles.last()));
            case "not-yet" -> promotions.notYet(id, version(id), step.text());
            default -> throw new IllegalArgumentException("Unknown promotion step " + step.action());
        }
    }

    private Set<String> areasAsked(Long caseId) {
        return SystemAuthentication.call(() -> promotions.details(caseId).packet().areas().stream()
                .map(a -> a.key())
                .collect(Collectors.toSet()));
    }

    private long version(Long caseId) {
        return SystemAuthentication.call(() -> promotions.details(caseId).version());
    }

    private Long personOf(String name) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(user(name)).orElseThrow().personId());
    }

    /** "admin" is the demo administrator; anyone else a person of the demo organization, by name. */
    static String user(String name) {
        return name.equals("admin") ? "admin@" + DemoOrganization.DOMAIN : DemoOrganization.email(name);
    }
}
