package app.rungs.fairness.service;

import app.rungs.audit.service.AuditService;
import app.rungs.fairness.domain.EthnicMinority;
import app.rungs.fairness.domain.Gender;
import app.rungs.fairness.domain.OutcomeAuditSettings;
import app.rungs.fairness.domain.OutcomeAuditSettingsRepository;
import app.rungs.fairness.domain.PersonDemographics;
import app.rungs.fairness.domain.PersonDemographicsRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-reported demographics: a person reads and writes only their own answers, every one optional, "prefer not to
 * say" allowed, and only while the organization records them. No one reads another person's answers: they exist for
 * the outcome audit's aggregates, which suppress small groups. The audit log says that someone updated their answers,
 * never what they answered.
 */
@Service
public class DemographicsService {

    private final PersonDemographicsRepository answers;
    private final OutcomeAuditSettingsRepository settings;
    private final AuditService audit;
    private final Clock clock;

    DemographicsService(
            PersonDemographicsRepository answers,
            OutcomeAuditSettingsRepository settings,
            AuditService audit,
            Clock clock) {
        this.answers = answers;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public MyDemographics mine() {
        boolean recorded = recorded();
        var personId = CurrentUser.require().personId();
        var mine = personId == null ? null : answers.findById(personId).orElse(null);
        return mine == null
                ? new MyDemographics(recorded, null, null, -1)
                : new MyDemographics(recorded, mine.getGender(), mine.getEthnicMinority(), mine.getVersion());
    }

    /** Saves the signed-in person's answers (null: not answered). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public MyDemographics saveMine(Gender gender, EthnicMinority ethnicMinority, long expectedVersion) {
        var personId = requirePerson();
        if (!recorded()) {
            throw new ValidationException("Your organization does not record demographics.");
        }
        var now = Instant.now(clock);
        var mine = answers.findById(personId).orElse(null);
        if ((mine == null ? -1 : mine.getVersion()) != expectedVersion) {
            throw new ConcurrentEditException("Your demographics");
        }
        if (mine == null) {
            mine = new PersonDemographics(personId, now);
        }
        mine.answer(gender, ethnicMinority, now);
        answers.saveAndFlush(mine);
        audit.record(
                "DEMOGRAPHICS_ANSWERED",
                "Person",
                personId,
                "Updated their self-reported demographics",
                Map.of(),
                Map.of());
        return mine();
    }

    /** Deletes the signed-in person's answers, whether or not recording is on. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void deleteMine() {
        var personId = requirePerson();
        if (answers.existsById(personId)) {
            answers.deleteById(personId);
            answers.flush();
            audit.record(
                    "DEMOGRAPHICS_DELETED",
                    "Person",
                    personId,
                    "Deleted their self-reported demographics",
                    Map.of(),
                    Map.of());
        }
    }

    private static Long requirePerson() {
        var personId = CurrentUser.require().personId();
        if (personId == null) {
            throw new ValidationException(
                    "Your account is not linked to a person, so there is no profile to answer on.");
        }
        return personId;
    }

    private boolean recorded() {
        return settings.findById(OutcomeAuditSettings.ID)
                .map(OutcomeAuditSettings::isDemographicsRecorded)
                .orElse(false);
    }
}
