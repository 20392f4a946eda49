package app.rungs.security.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SsoLinkRepository extends JpaRepository<SsoLink, Long> {

    Optional<SsoLink> findByIssuerAndSubject(String issuer, String subject);
}
