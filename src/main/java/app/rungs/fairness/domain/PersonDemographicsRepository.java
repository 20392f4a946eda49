package app.rungs.fairness.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonDemographicsRepository extends JpaRepository<PersonDemographics, Long> {}
