package app.rungs.ladder.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface LadderVersionRepository extends JpaRepository<LadderVersion, Long> {

    @Query("select v from LadderVersion v join fetch v.ladder where v.ladder.id = ?1 order by v.number desc")
    List<LadderVersion> findByLadder(Long ladderId);

    @Query("select v from LadderVersion v join fetch v.ladder where v.ladder.id = ?1 and v.status = ?2")
    Optional<LadderVersion> findByLadderAndStatus(Long ladderId, VersionStatus status);

    @Query("select v from LadderVersion v join fetch v.ladder where v.id = ?1")
    Optional<LadderVersion> findWithLadder(Long id);

    @Query("select v from LadderVersion v join fetch v.ladder where v.id in ?1")
    List<LadderVersion> findAllWithLadder(java.util.Collection<Long> ids);

    @Query("select coalesce(max(v.number), 0) from LadderVersion v where v.ladder.id = ?1")
    int maxNumber(Long ladderId);

    /**
     * Claims a draft for one change: bumps its version only if it still has the version the caller saw. Returns 0
     * when someone else changed it first. The row stays locked until the transaction ends.
     */
    @Modifying(flushAutomatically = true)
    @Query("update LadderVersion v set v.version = v.version + 1 where v.id = ?1 and v.version = ?2")
    int bumpVersion(Long id, long expectedVersion);

    /** Sets the readiness rule of a version already claimed with {@link #bumpVersion}. */
    @Modifying(flushAutomatically = true)
    @Query("update LadderVersion v set v.ruleCurrentCore = ?2, v.ruleTargetPercent = ?3, v.ruleWeighted = ?4"
            + " where v.id = ?1")
    int setRule(Long id, boolean currentCore, int targetPercent, boolean weighted);

    @Query("""
            select new app.rungs.ladder.domain.LadderRow(l.id, l.name, l.description, l.retired, l.version,
                p.id, p.number, p.publishedAt, d.id, d.number)
            from Ladder l
            left join LadderVersion p on p.ladder = l and p.status = app.rungs.ladder.domain.VersionStatus.PUBLISHED
            left join LadderVersion d on d.ladder = l and d.status = app.rungs.ladder.domain.VersionStatus.DRAFT
            order by l.retired, lower(l.name), l.id""")
    List<LadderRow> findRows(Pageable page);

    /** Like {@link #findRows} but only ladders that have a published version (what non-admins may list). */
    @Query("""
            select new app.rungs.ladder.domain.LadderRow(l.id, l.name, l.description, l.retired, l.version,
                p.id, p.number, p.publishedAt, d.id, d.number)
            from Ladder l
            join LadderVersion p on p.ladder = l and p.status = app.rungs.ladder.domain.VersionStatus.PUBLISHED
            left join LadderVersion d on d.ladder = l and d.status = app.rungs.ladder.domain.VersionStatus.DRAFT
            order by l.retired, lower(l.name), l.id""")
    List<LadderRow> findPublishedRows(Pageable page);

    @Query("select count(l) from Ladder l where exists (select 1 from LadderVersion v where v.ladder = l"
            + " and v.status = app.rungs.ladder.domain.VersionStatus.PUBLISHED)")
    long countLaddersWithPublishedVersion();

    @Query("select l.id from Ladder l where l.retired = false and exists "
            + "(select 1 from LadderVersion v where v.ladder = l and v.status = app.rungs.ladder.domain.VersionStatus.PUBLISHED) "
            + "order by lower(l.name), l.id")
    List<Long> findPublishedLadderIds(Pageable page);

    @Query("select v from LadderVersion v join fetch v.ladder where v.ladder.id = ?1 and v.number = ?2")
    Optional<LadderVersion> findByLadderAndNumber(Long ladderId, int number);

    @Query("select v from LadderVersion v join fetch v.ladder where v.ladder.id = ?1"
            + " and (?2 = true or v.status <> app.rungs.ladder.domain.VersionStatus.DRAFT) order by v.number desc")
    List<LadderVersion> findPage(Long ladderId, boolean includeDrafts, Pageable page);

    @Query("select count(v) from LadderVersion v where v.ladder.id = ?1"
            + " and (?2 = true or v.status <> app.rungs.ladder.domain.VersionStatus.DRAFT)")
    long countFor(Long ladderId, boolean includeDrafts);
}
