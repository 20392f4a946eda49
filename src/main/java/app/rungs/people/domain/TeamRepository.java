package app.rungs.people.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, Long> {
    @Query("select t from Team t where lower(t.name) = lower(?1)")
    Optional<Team> findByName(String name);
}
