package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibratedProgressRepository;
import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calibration step of a review cycle: an engineer counts once they are an entry of a session of the cycle that
 * was locked or published (ratings decided).
 */
@Component
class CalibrationProgress implements CycleProgressSource {

    private final CalibratedProgressRepository sessions;

    CalibrationProgress(CalibratedProgressRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public CycleStep step() {
        return CycleStep.CALIBRATION;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')") // only the cycle progress view asks
    public Set<Long> completed(CycleRef cycle, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return sessions.calibratedAmong(cycle.label(), personIds.toArray(Long[]::new)).stream()
                .map(Number::longValue)
                .collect(Collectors.toUnmodifiableSet());
    }
}
