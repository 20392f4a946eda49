package app.rungs.demo;

import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.SignOff;
import app.rungs.promotion.service.Cycles;
import app.rungs.promotion.service.PromotionContent;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Seeds a few promotion cases in different states into the demo organization, each made by the people who would
 * make it (signed in as them, through the secured service): Lena Fischer's case submitted by Daniel Okafor, Chloé
 * Dubois's in calibration, Yuki Tanaka approved last cycle (so his level history links to the case), Olga Petrova's
 * "not yet" with feedback, and Tomás Novák's self-nomination waiting for Daniel. Works with or without demo
 * evidence: packets read whatever evidence exists.
 *
 * <p>Same enablement as {@link DemoOrganization}; runs after it and the evidence demo, and only while no case exists.
 */
@Component
@Order(20)
class DemoPromotions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPromotions.class);
    private static final String ADMIN = "admin@" + DemoOrganization.DOMAIN;

    private final String mode;
    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final AccountService accounts;
    private final PromotionService promotions;
    private final PromotionContent content;
    private final PromotionReviews reviews;
    private final PromotionQueries queries;
    private final UserDetailsService users;

    DemoPromotions(
            @Value("${rungs.demo.mode:auto}") String mode,
            ObjectProvider<EmbeddedPostgres> embedded,
            AccountService accounts,
            PromotionService promotions,
            PromotionContent content,
            PromotionReviews reviews,
            PromotionQueries queries,
            UserDetailsService users) {
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
        this.embedded = embedded;
        this.accounts = accounts;
        this.promotions = promotions;
        this.content = content;
        this.reviews = reviews;
        this.queries = queries;
        this.users = users;
    }

    boolean enabled() {
        return switch (mode) {
            case "on", "true", "always" -> true;
            case "off", "false", "never" -> false;
            default -> embedded.getIfAvailable() != null;
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        boolean seed = SystemAuthentication.call(() -> queries.countAll() == 0
                && accounts.findByUsername(email("Daniel Okafor")).isPresent());
        if (seed) {
            long started = System.nanoTime();
            seed();
            log.info("Seeded the demo promotion cases in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void seed() {
        var today = LocalDate.now();
        var cycle = Cycles.of(today);
        var last = Cycles.previous(today);
        var startOfThisCycle = today.getMonthValue() <= 6
                ? today.withDayOfYear(1)
                : today.withMonth(7).withDayOfMonth(1);
        var daniel = email("Daniel Okafor");
        var marcus = email("Marcus Johnson");

        // Lena Fischer: DSE-2 → DSE-3, submitted by Daniel with a narrative, two reviewers and a committee note.
        var lena = personOf("Lena Fischer");
        var lenaCase = as(
                daniel,
                () -> promotions.nominate(
                        lena,
                        "DSE-3",
                        cycle,
                        "Lena has operated at senior scope for the last three quarters: she led the response to"
                                + " the metadata quorum split, designed the replica fencing that ended split-brain"
                                + " writes, and now sets the direction for the storage team's consistency work."));
        narratives(
                daniel,
                lenaCase,
                Map.of(
                        "fault-tolerance",
                                "Lena led the response to the March metadata quorum split and wrote the postmortem. The"
                                        + " follow-ups she drove (lease-based fencing, partition drills) are now standard"
                                        + " across Storage Platform.",
                        "consistency-replication",
                                "She designed the replica fencing protocol and explained its consistency guarantees to"
                                        + " three consuming teams; the design doc is the reference for the new region"
                                        + " rollout.",
                        "operations-performance",
                                "Owns the metadata service's latency budget: p99 writes went from 42 ms to 18 ms after"
                                        + " her batching change, with dashboards the on-call rotation relies on."));
        reviewers(daniel, lenaCase, "Aisha Rahman", "Sofia Rossi");
        as(daniel, () -> {
            reviews.comment(
                    lenaCase,
                    CommentKind.COMMENT,
                    "Lena, please add the design review of the fencing protocol as evidence so it shows up in the"
                            + " packet.");
            reviews.comment(
                    lenaCase,
                    CommentKind.COMMITTEE_NOTE,
                    "Strong case on incidents and replication. Expect questions on cross-team scope: her design"
                            + " work so far stayed inside Storage Platform.");
            promotions.submit(lenaCase, version(lenaCase), null);
            return null;
        });
        as(email("Aisha Rahman"), () -> {
            reviews.signOff(lenaCase, SignOff.APPROVE, "Works at senior scope already; I rely on her designs.");
            return null;
        });

        // Chloé Dubois: DSE-2 → DSE-3, in calibration with sign-offs and a committee note.
        var chloe = personOf("Chloé Dubois");
        var chloeCase = as(
                marcus,
                () -> promotions.nominate(
                        chloe,
                        "DSE-3",
                        cycle,
                        "Chloé rebuilt the event-streaming consumer groups for exactly-once delivery and mentors"
                                + " two engineers on the team."));
        narratives(
                marcus,
                chloeCase,
                Map.of(
                        "architecture-messaging",
                                "Chloé owns the consumer-group rebalancing redesign; the migration finished without a"
                                        + " single duplicate delivery reported by downstream teams.",
                        "transactions-storage",
                                "Introduced idempotency keys across the ingestion path and documented the exactly-once"
                                        + " semantics for product teams."));
        reviewers(marcus, chloeCase, "Nina Kowalski", "Daniel Okafor");
        as(marcus, () -> {
            promotions.submit(chloeCase, version(chloeCase), null);
            reviews.comment(
                    chloeCase,
                    CommentKind.COMMITTEE_NOTE,
                    "Calibration: compare with the DSE-3 promotions in Service Mesh & Edge last cycle.");
            return null;
        });
        as(email("Nina Kowalski"), () -> {
            reviews.signOff(chloeCase, SignOff.APPROVE, null);
            return null;
        });
        as(daniel, () -> {
            reviews.signOff(
                    chloeCase,
                    SignOff.CONCERNS,
                    "Consensus and coordination evidence is thin; I would like to see her lead a design there.");
            return null;
        });
        as(ADMIN, () -> {
            promotions.startCalibration(chloeCase, version(chloeCase), null);
            return null;
        });

        // Yuki Tanaka: DSE-1 → DSE-2, approved last cycle; the approval records his new level linked to the case.
        var yuki = personOf("Yuki Tanaka");
        var yukiCase = as(
                daniel,
                () -> promotions.nominate(
                        yuki,
                        "DSE-2",
                        last,
                        "Yuki independently delivered the cache invalidation service and is on the on-call"
                                + " rotation without shadowing."));
        narratives(
                daniel,
                yukiCase,
                Map.of(
                        "transactions-storage",
                        "Built the distributed cache invalidation service end to end, including its failure handling."));
        reviewers(daniel, yukiCase, "Kwame Mensah");
        as(daniel, () -> {
            promotions.submit(yukiCase, version(yukiCase), null);
            return null;
        });
        as(email("Kwame Mensah"), () -> {
            reviews.signOff(yukiCase, SignOff.APPROVE, "Clearly working at DSE-2.");
            return null;
        });
        as(ADMIN, () -> {
            promotions.startCalibration(yukiCase, version(yukiCase), null);
            promotions.approve(
                    yukiCase, version(yukiCase), startOfThisCycle, "Approved by the " + last + " committee.");
            return null;
        });

        // Olga Petrova: DSE-2 → DSE-3, "not yet" last cycle with written feedback.
        var olga = personOf("Olga Petrova");
        var olgaCase = as(
                daniel,
                () -> promotions.nominate(
                        olga,
                        "DSE-3",
                        last,
                        "Olga took over the sharding rebalancer and shipped the online split feature."));
        as(daniel, () -> {
            promotions.submit(olgaCase, version(olgaCase), null);
            return null;
        });
        as(ADMIN, () -> {
            promotions.startCalibration(olgaCase, version(olgaCase), null);
            promotions.notYet(
                    olgaCase,
                    version(olgaCase),
                    "The committee sees strong delivery on the rebalancer. For DSE-3 it needs evidence of"
                            + " leading design beyond her own component: a design document that other teams adopt,"
                            + " and ownership of an incident review. Let's plan both for the next cycle.");
            return null;
        });

        // Tomás Novák: a self-nomination waiting for Daniel.
        as(
                email("Tomás Novák"),
                () -> promotions.nominateSelf(
                        "DSE-2",
                        cycle,
                        "Since spring I run the compaction jobs on my own, fixed the tombstone leak that paged us weekly,"
                                + " and onboarded Yuki to the storage engine."));
    }

    private void narratives(String manager, Long caseId, Map<String, String> byArea) {
        var asked = areasAsked(caseId);
        var ordered = new LinkedHashMap<String, String>();
        byArea.forEach((area, text) -> {
            if (asked.contains(area)) {
                ordered.put(area, text);
            }
        });
        as(manager, () -> {
            ordered.forEach((area, text) -> content.setNarrative(caseId, version(caseId), area, text));
            return null;
        });
    }

    private java.util.Set<String> areasAsked(Long caseId) {
        return SystemAuthentication.call(() -> {
            var details = promotions.details(caseId);
            return details.packet().areas().stream().map(a -> a.key()).collect(java.util.stream.Collectors.toSet());
        });
    }

    private void reviewers(String manager, Long caseId, String... names) {
        for (var name : names) {
            var id = personOf(name);
            as(manager, () -> {
                reviews.addReviewer(caseId, version(caseId), id);
                return null;
            });
        }
    }

    private long version(Long caseId) {
        return SystemAuthentication.call(() -> promotions.details(caseId).version());
    }

    private Long personOf(String name) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(email(name)).orElseThrow().personId());
    }

    private static String email(String name) {
        return DemoOrganization.email(name);
    }

    /** Runs work signed in as a demo user, so cases carry the names of the people who made them. */
    private <T> T as(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
