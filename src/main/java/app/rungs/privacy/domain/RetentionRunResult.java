package app.rungs.privacy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What one run did for one kind: how many rows it deleted or people it anonymized, and a note for the admin. */
@Embeddable
public class RetentionRunResult {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RetentionKind kind;

    @Column(nullable = false)
    private int affected;

    @Column(nullable = false)
    private String note;

    /** Something an admin must act on (e.g. anonymization pending because no erasure service is available). */
    @Column(nullable = false)
    private boolean flagged;

    protected RetentionRunResult() {}

    public RetentionRunResult(RetentionKind kind, int affected, String note, boolean flagged) {
        this.kind = kind;
        this.affected = affected;
        this.note = note.length() > 1000 ? note.substring(0, 999) + "…" : note;
        this.flagged = flagged;
    }

    public RetentionKind getKind() {
        return kind;
    }

    public int getAffected() {
        return affected;
    }

    public String getNote() {
        return note;
    }

    public boolean isFlagged() {
        return flagged;
    }
}
