package app.rungs.security.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(byte[] tokenHash);

    @Query("select t from ApiToken t where t.ownerId = ?1 order by t.createdAt desc, t.id desc")
    List<ApiToken> findByOwner(Long ownerId);

    @Query("select t from ApiToken t order by t.createdAt desc, t.id desc")
    List<ApiToken> findPage(Pageable page);

    /** Last use, written at most once a minute per token so busy clients do not turn every read into a write. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1 and (t.lastUsedAt is null or t.lastUsedAt < ?3)")
    int touch(Long id, Instant now, Instant notSince);
}
