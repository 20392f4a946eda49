package app.rungs.promotion.service;

import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import app.rungs.promotion.domain.NominationProgressRepository;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The nominations step of a review cycle: an engineer counts once a case of the cycle exists (not withdrawn). */
@Component
class NominationProgress implements CycleProgressSource {

    private final NominationProgressRepository cases;

    NominationProgress(NominationProgressRepository cases) {
        this.cases = cases;
    }

    @Override
    public CycleStep step() {
        return CycleStep.NOMINATION;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')") // only the cycle progress view asks
    public Set<Long> completed(CycleRef cycle, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return cases.nominatedAmong(cycle.label(), personIds.toArray(Long[]::new)).stream()
                .map(Number::longValue)
                .collect(Collectors.toUnmodifiableSet());
    }
}
