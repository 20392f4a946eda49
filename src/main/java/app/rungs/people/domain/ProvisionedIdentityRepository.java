package app.rungs.people.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProvisionedIdentityRepository extends JpaRepository<ProvisionedIdentity, Long> {

    Optional<ProvisionedIdentity> findByExternalId(String externalId);

    @Query("select i from ProvisionedIdentity i where i.personId in ?1")
    List<ProvisionedIdentity> findAllByPersonIds(Collection<Long> personIds);
}
