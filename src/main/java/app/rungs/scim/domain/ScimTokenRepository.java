package app.rungs.scim.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ScimTokenRepository extends JpaRepository<ScimToken, Long> {

    Optional<ScimToken> findByTokenHash(String tokenHash);

    @Query("select t from ScimToken t order by t.revokedAt desc nulls first, t.createdAt desc")
    List<ScimToken> findAllNewestFirst();

    @Query("select count(t) > 0 from ScimToken t where lower(t.name) = lower(?1) and t.revokedAt is null")
    boolean existsActiveNamed(String name);

    /** A plain update, so a token's use never conflicts with an admin's edit through the entity version. */
    @Modifying
    @Query("update ScimToken t set t.lastUsedAt = ?2 where t.id = ?1")
    void touch(Long id, java.time.Instant at);
}
