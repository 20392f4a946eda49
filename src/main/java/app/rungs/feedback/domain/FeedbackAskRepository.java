package app.rungs.feedback.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackAskRepository extends JpaRepository<FeedbackAsk, Long> {

    List<FeedbackAsk> findByRequestIdOrderById(Long requestId);
}
