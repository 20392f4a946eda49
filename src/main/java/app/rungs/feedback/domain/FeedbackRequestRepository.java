package app.rungs.feedback.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackRequestRepository extends JpaRepository<FeedbackRequest, Long> {}
