package app.rungs.promotion.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A promotion case: an engineer, the level they are nominated for, and where the case stands. Engineer, nominator
 * and ladder are kept as ids with the names as they were, so lists need no joins into other features.
 */
@Entity
@Table(name = "promotion_case")
public class PromotionCase extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promotion_seq")
    @SequenceGenerator(name = "promotion_seq", sequenceName = "promotion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "engineer_id", nullable = false, updatable = false)
    private Long engineerId;

    @Column(name = "engineer_name", nullable = false)
    private String engineerName;

    @Column(name = "ladder_id", nullable = false, updatable = false)
    private Long ladderId;

    @Column(name = "current_level_key", nullable = false)
    private String currentLevelKey;

    @Column(name = "target_level_key", nullable = false)
    private String targetLevelKey;

    @Column(nullable = false)
    private String cycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "self_nominated", nullable = false, updatable = false)
    private boolean selfNominated;

    @Column(name = "nominated_by_person_id", updatable = false)
    private Long nominatedByPersonId;

    @Column(name = "nominated_by_name", nullable = false, updatable = false)
    private String nominatedByName;

    @Column(nullable = false)
    private String justification;

    @Column(name = "closing_note")
    private String closingNote;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "frozen_packet", columnDefinition = "jsonb")
    private String frozenPacket;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PromotionCase() {}

    public PromotionCase(
            Long engineerId,
            String engineerName,
            Long ladderId,
            String currentLevelKey,
            String targetLevelKey,
            String cycle,
            CaseStatus status,
            boolean selfNominated,
            Long nominatedByPersonId,
            String nominatedByName,
            String justification,
            Instant now) {
        this.engineerId = engineerId;
        this.engineerName = engineerName;
        this.ladderId = ladderId;
        this.currentLevelKey = currentLevelKey;
        this.targetLevelKey = targetLevelKey;
        this.cycle = cycle;
        this.status = status;
        this.selfNominated = selfNominated;
        this.nominatedByPersonId = nominatedByPersonId;
        this.nominatedByName = nominatedByName;
        this.justification = justification;
        this.createdAt = now;
        this.updatedAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getEngineerId() {
        return engineerId;
    }

    public String getEngineerName() {
        return engineerName;
    }

    public Long getLadderId() {
        return ladderId;
    }

    public String getCurrentLevelKey() {
        return currentLevelKey;
    }

    public String getTargetLevelKey() {
        return targetLevelKey;
    }

    public String getCycle() {
        return cycle;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public boolean isSelfNominated() {
        return selfNominated;
    }

    public Long getNominatedByPersonId() {
        return nominatedByPersonId;
    }

    public String getNominatedByName() {
        return nominatedByName;
    }

    public String getJustification() {
        return justification;
    }

    public String getClosingNote() {
        return closingNote;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getFrozenPacket() {
        return frozenPacket;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /** Changes what the case asks for; the service checks the status and the levels. */
    public void describe(
            String currentLevelKey, String targetLevelKey, String cycle, String justification, Instant now) {
        this.currentLevelKey = currentLevelKey;
        this.targetLevelKey = targetLevelKey;
        this.cycle = cycle;
        this.justification = justification;
        touch(now);
    }

    /**
     * Takes an action as someone in these roles: refuses (IllegalStateException) what {@link CaseAction} does not
     * allow from the current status, moves to the action's status if it has one, and marks the case changed. The
     * service checks the same rule first to give the user a specific message; this keeps the entity consistent.
     */
    public void take(CaseAction action, Set<CaseRole> roles, Instant now) {
        var refusal = action.check(status, roles);
        if (refusal != CaseAction.Refusal.NONE) {
            throw new IllegalStateException(action + " refused on a " + status + " case: " + refusal);
        }
        if (action.changesStatus()) {
            this.status = action.to();
        }
        touch(now);
    }

    public void close(String note) {
        this.closingNote = note;
    }

    public void decide(LocalDate effectiveDate, String decidedBy, Instant now) {
        this.effectiveDate = effectiveDate;
        this.decidedBy = decidedBy;
        this.decidedAt = now;
    }

    public void freeze(String packetJson) {
        this.frozenPacket = packetJson;
    }

    /** Marks the case changed, so its version moves and concurrent editors notice. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
