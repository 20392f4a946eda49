package app.rungs.demo;

import app.rungs.demo.DemoData.Evidence;
import app.rungs.demo.DemoData.Outcome;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.security.service.SystemAuthentication;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives engineers of every demo team the promotion evidence of {@code demo/evidence.yaml} — every type, in every
 * status — mapped to competencies of their next level. Each item is logged and reviewed through the secured
 * services as the engineer and their manager would, so the audit log reads like real use.
 *
 * <p>Runs after {@link DemoOrganization} with the same enablement rule, and only while no evidence exists.
 */
@Component
@Order(10)
class DemoEvidence implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEvidence.class);
    private static final String LENA = DemoOrganization.email("Lena Fischer");

    private final DemoSignIn demo;
    private final EvidenceService evidence;
    private final EvidenceAuthoring authoring;
    private final EvidenceReview review;

    DemoEvidence(DemoSignIn demo, EvidenceService evidence, EvidenceAuthoring authoring, EvidenceReview review) {
        this.demo = demo;
        this.evidence = evidence;
        this.authoring = authoring;
        this.review = review;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || SystemAuthentication.call(evidence::countAll) > 0 || !demo.exists(LENA)) {
            return;
        }
        long started = System.nanoTime();
        var today = LocalDate.now();
        var items = DemoData.evidence();
        items.forEach(item -> log(item, today));
        log.info("Seeded {} demo evidence items in {} ms", items.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Logs one item as its owner, then takes it to its outcome and adds its comments. */
    private void log(Evidence item, LocalDate today) {
        var details = new LinkedHashMap<String, String>();
        item.details().forEach((key, value) -> details.put(key, DemoDates.resolve(value, today)));
        var input = new EvidenceInput(
                item.type(),
                item.title(),
                today.minusDays(item.daysAgo()),
                item.description() == null ? null : item.description().strip(),
                item.impact(),
                item.level(),
                item.competencies(),
                item.links(),
                details);
        var owner = item.owner();
        var id = demo.as(owner, () -> authoring.create(input, false));
        for (var name : item.attachments()) {
            var content = DemoData.attachment(name);
            demo.as(owner, () -> authoring.addAttachment(id, name, content));
        }
        if (item.outcome() != Outcome.DRAFT) {
            demo.run(owner, () -> authoring.submit(id, evidence.details(id).version()));
        }
        if (item.outcome() == Outcome.ACKNOWLEDGED) {
            demo.run(
                    item.reviewer(),
                    () -> review.acknowledge(id, evidence.details(id).version(), item.review()));
        } else if (item.outcome() == Outcome.RETURNED) {
            demo.run(
                    item.reviewer(),
                    () -> review.returnForChanges(id, evidence.details(id).version(), item.review()));
        }
        for (var comment : item.comments()) {
            demo.run(comment.by(), () -> review.comment(id, comment.text()));
        }
    }
}
