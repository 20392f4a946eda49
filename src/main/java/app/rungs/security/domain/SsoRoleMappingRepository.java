package app.rungs.security.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SsoRoleMappingRepository extends JpaRepository<SsoRoleMapping, Long> {

    List<SsoRoleMapping> findAllByOrderByClaimValueAscRoleAsc();

    boolean existsByClaimValueAndRole(String claimValue, Role role);
}
