package app.rungs.security.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByPersonId(Long personId);

    @Query("select count(u) from UserAccount u join u.roles r where r = ?1 and u.enabled = true")
    long countEnabledWithRole(Role role);

    @Query("select distinct u.personId from UserAccount u join u.roles r"
            + " where r = ?1 and u.enabled = true and u.personId is not null")
    List<Long> findEnabledPersonIdsWithRole(Role role);

    @Query("select distinct u from UserAccount u left join fetch u.roles where u.personId is not null")
    List<UserAccount> findAllLinkedWithRoles();

    @Query("select distinct u from UserAccount u left join fetch u.roles where u.id in ?1")
    List<UserAccount> findAllWithRoles(Collection<Long> ids);

    /** Username, display name and person of the accounts named (lower-case names), without their roles. */
    @Query("select u.username, u.displayName, u.personId from UserAccount u where lower(u.username) in ?1")
    List<Object[]> findNames(Collection<String> lowerCaseUsernames);

    /** Id, username and person of the accounts asked for, without their roles (the audit log names them). */
    @Query("select u.id, u.username, u.personId from UserAccount u where u.id in ?1")
    List<Object[]> findNamesById(Collection<Long> ids);

    @Query("select lower(u.username) from UserAccount u")
    List<String> findAllUsernamesLowerCase();

    /**
     * Records a sign-in time without touching the account's version: two sign-ins of one account at once (two
     * devices, a script) must both succeed, and an admin editing the account meanwhile must not get a conflict.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UserAccount u set u.lastLoginAt = ?2 where u.id = ?1"
            + " and (u.lastLoginAt is null or u.lastLoginAt < ?2)")
    int recordLastLogin(Long id, Instant at);
}
