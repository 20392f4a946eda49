package app.rungs.feedback.service;

import java.time.Instant;
import java.util.List;

/** One request the signed-in user made, with each peer's status, as listed under "My requests". */
public record MyRequestRow(
        Long requestId,
        Long subjectId,
        String subjectName,
        String topics,
        String cycle,
        Instant deadline,
        Instant createdAt,
        List<PeerStatus> peers) {

    public long count(app.rungs.feedback.domain.AskStatus status) {
        return peers.stream().filter(p -> p.status() == status).count();
    }
}
