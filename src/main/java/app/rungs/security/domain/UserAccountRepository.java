package app.rungs.security.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByPersonId(Long personId);

    @Query("select count(u) from UserAccount u join u.roles r where r = ?1 and u.enabled = true")
    long countEnabledWithRole(Role role);
}
