package app.rungs.privacy.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RetentionPolicyRepository extends JpaRepository<RetentionPolicy, RetentionKind> {}
