package app.rungs.feedback.service;

import java.time.Instant;
import java.util.List;

/**
 * One request as a reader may see it: peers' statuses only for readers who may know who was asked, answers per the
 * {@link Disclosure} (anonymized ones carry no names or times), and for withheld or hidden ones a sentence instead.
 */
public record RequestView(
        Long requestId,
        String subjectName,
        String requesterName,
        String topics,
        String cycle,
        Instant deadline,
        int asked,
        int answered,
        int declined,
        List<PeerStatus> peers,
        Disclosure disclosure,
        String notice,
        List<AnswerView> answers) {}
