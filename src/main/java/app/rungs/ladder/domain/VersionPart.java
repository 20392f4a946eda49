package app.rungs.ladder.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/** Something that belongs to exactly one ladder version: tiers, levels, areas, competencies, expectations. */
@MappedSuperclass
public abstract class VersionPart extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ladder_item_seq")
    @SequenceGenerator(name = "ladder_item_seq", sequenceName = "ladder_item_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ladder_version_id")
    private LadderVersion ladderVersion;

    protected VersionPart() {}

    protected VersionPart(LadderVersion ladderVersion) {
        this.ladderVersion = ladderVersion;
    }

    @Override
    public Long getId() {
        return id;
    }

    public LadderVersion getLadderVersion() {
        return ladderVersion;
    }
}
