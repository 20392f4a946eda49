package app.rungs.privacy.service;

import app.rungs.audit.service.AuditService;
import app.rungs.privacy.domain.RetentionKind;
import app.rungs.privacy.domain.RetentionPolicy;
import app.rungs.privacy.domain.RetentionPolicyRepository;
import app.rungs.privacy.domain.RetentionRun;
import app.rungs.privacy.domain.RetentionRunRepository;
import app.rungs.privacy.domain.RetentionRunResult;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention policies (how long each kind of personal data is kept) and the job that applies them. Admins only;
 * every change and every run is audited. The audit log is not subject to retention: it is kept forever by design.
 */
@Service
public class RetentionService {

    private final RetentionPolicyRepository policies;
    private final RetentionRunRepository runs;
    private final RetentionSteps steps;
    private final AuditService audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    RetentionService(
            RetentionPolicyRepository policies,
            RetentionRunRepository runs,
            RetentionSteps steps,
            AuditService audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.policies = policies;
        this.runs = runs;
        this.steps = steps;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Every policy, in the order of {@link RetentionKind}. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<RetentionPolicyView> policies() {
        var byKind = new LinkedHashMap<RetentionKind, RetentionPolicy>();
        policies.findAll().forEach(p -> byKind.put(p.getKind(), p));
        return Arrays.stream(RetentionKind.values())
                .map(k -> {
                    var p = byKind.get(k);
                    return p == null
                            ? new RetentionPolicyView(k, k.defaultKeepFor(), null, null, -1)
                            : new RetentionPolicyView(
                                    k, p.getKeepFor(), p.getUpdatedAt(), p.getUpdatedBy(), p.getVersion());
                })
                .toList();
    }

    /**
     * Sets how long a kind is kept ({@code keepFor} null: forever), in the kind's unit. Refuses periods below one or
     * above the kind's maximum, and a change based on an outdated version (another admin saved first).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public RetentionPolicyView update(RetentionKind kind, long expectedVersion, Integer keepFor) {
        if (kind == null) {
            throw new ValidationException("Choose the kind of data.");
        }
        validate(kind, keepFor);
        var policy = policies.findById(kind).orElseThrow(() -> new NotFoundException("Retention policy not found"));
        if (policy.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(
                    "The retention policy for " + kind.label().toLowerCase());
        }
        var before = state(kind, policy.getKeepFor());
        var beforePeriod = view(policy).period();
        policy.change(keepFor, CurrentUser.actorName(), Instant.now(clock));
        try {
            policies.saveAndFlush(policy);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConcurrentEditException(
                    "The retention policy for " + kind.label().toLowerCase());
        }
        var after = view(policy);
        audit.record(
                "RETENTION_POLICY_CHANGED",
                "RetentionPolicy",
                kind.name(),
                "Changed the retention of " + kind.label().toLowerCase() + " from " + beforePeriod + " to "
                        + after.period(),
                before,
                state(kind, keepFor));
        return after;
    }

    static void validate(RetentionKind kind, Integer keepFor) {
        if (keepFor == null) {
            return;
        }
        var unit = kind.unit().label();
        if (keepFor < 1) {
            throw new ValidationException(kind.label() + ": the period must be at least 1 " + unit.replaceAll("s$", "")
                    + " (got " + keepFor + "). To keep the data without limit, choose \"Keep forever\".");
        }
        if (keepFor > kind.maxKeepFor()) {
            throw new ValidationException(kind.label() + ": the period can be at most " + kind.maxKeepFor() + " " + unit
                    + " (ten years; got " + keepFor + "). To keep the data longer, choose \"Keep forever\".");
        }
    }

    /** The last run of the job, if it ever ran. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<RetentionRunView> lastRun() {
        return runs.findFirstByOrderByStartedAtDescIdDesc().map(RetentionService::view);
    }

    /**
     * Applies every policy now, kind by kind in bounded batches, records the run and one audit event per kind that
     * deleted or flagged something plus one for the run. Used by "Run now" and by the nightly job (system identity).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public RetentionRunView run() {
        if (!running.tryLock()) {
            throw new ValidationException("A retention run is already in progress; wait for it to finish.");
        }
        try {
            var started = Instant.now(clock);
            var results = new ArrayList<RetentionRunResult>();
            for (var policy : policies()) {
                results.add(steps.apply(policy.kind(), policy.keepFor()));
            }
            var run = new RetentionRun(started, Instant.now(clock), CurrentUser.actorName(), results);
            return transaction.execute(tx -> {
                runs.save(run);
                var counts = new LinkedHashMap<String, Object>();
                for (var r : results) {
                    counts.put(r.getKind().name(), r.getAffected());
                    if (r.getAffected() > 0 || r.isFlagged()) {
                        audit.record(
                                "RETENTION_APPLIED",
                                "RetentionPolicy",
                                r.getKind().name(),
                                r.getKind().label() + ": " + r.getNote(),
                                null,
                                Map.of("affected", r.getAffected(), "flagged", r.isFlagged()));
                    }
                }
                audit.record(
                        "RETENTION_RUN",
                        "RetentionRun",
                        run.getId(),
                        "Retention run: "
                                + results.stream()
                                        .map(r -> r.getKind().label() + " " + r.getAffected())
                                        .reduce((a, b) -> a + ", " + b)
                                        .orElse("no policies"),
                        null,
                        counts);
                return view(run);
            });
        } finally {
            running.unlock();
        }
    }

    private static Map<String, Object> state(RetentionKind kind, Integer keepFor) {
        var map = new LinkedHashMap<String, Object>();
        map.put("kind", kind.name());
        map.put("keepFor", keepFor);
        map.put("unit", kind.unit().name());
        return map;
    }

    private static RetentionPolicyView view(RetentionPolicy p) {
        return new RetentionPolicyView(p.getKind(), p.getKeepFor(), p.getUpdatedAt(), p.getUpdatedBy(), p.getVersion());
    }

    private static RetentionRunView view(RetentionRun run) {
        return new RetentionRunView(
                run.getStartedAt(),
                run.getFinishedAt(),
                run.getTriggeredBy(),
                run.getResults().stream()
                        .map(r -> new RetentionRunView.Result(r.getKind(), r.getAffected(), r.getNote(), r.isFlagged()))
                        .toList());
    }
}
