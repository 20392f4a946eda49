package app.rungs.feedback.service;

import app.rungs.feedback.domain.EngineerVisibility;
import app.rungs.promotion.service.PacketInputSection;
import app.rungs.promotion.service.PacketInputSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Peer feedback in the promotion packet: with names for reviewers; for the engineer's own copy (screen and exports)
 * exactly what the organization lets her read, so her PDF never holds more than her screen.
 */
@Component
class FeedbackPacketSource implements PacketInputSource {

    private final FeedbackReads reads;
    private final FeedbackSettingsService settings;

    FeedbackPacketSource(FeedbackReads reads, FeedbackSettingsService settings) {
        this.reads = reads;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<PacketInputSection> section(Request request) {
        if (request == null || request.engineerId() == null) {
            return Optional.empty();
        }
        var found = reads.about(request.engineerId(), null, FeedbackQueries.ABOUT_LIMIT);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var engineer = request.audience() == Audience.ENGINEER;
        var reader = engineer ? Reader.SUBJECT : Reader.ATTRIBUTED;
        var mode = engineer ? settings.engineerVisibility() : null;
        if (mode == EngineerVisibility.HIDDEN) {
            return Optional.empty();
        }
        var answers = reads.answers(found.stream().map(FeedbackReads.Base::id).toList());
        // Not the engineer's id: a request she made herself must not show her who was asked in the packet either.
        var views = found.stream()
                .map(b -> FeedbackReads.view(b, answers.getOrDefault(b.id(), List.of()), reader, mode, null))
                .filter(Objects::nonNull)
                .toList();
        var items = new ArrayList<PacketInputSection.Item>();
        int answered = 0;
        for (var v : views) {
            answered += v.answered();
            if (v.disclosure() == Disclosure.WITHHELD) {
                items.add(new PacketInputSection.Item(v.topics(), v.notice(), null));
                continue;
            }
            for (var a : v.answers()) {
                var text = (a.rating() == null ? "" : a.rating().label() + ": ") + a.examples();
                items.add(new PacketInputSection.Item(
                        a.topicName(), text, a.peerName() == null ? null : "— " + a.peerName()));
            }
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        var summary = answered + (answered == 1 ? " answer" : " answers") + " from colleagues in "
                + views.size() + (views.size() == 1 ? " request" : " requests")
                + (engineer && mode == EngineerVisibility.ANONYMIZED ? ", anonymized" : "");
        return Optional.of(new PacketInputSection("Peer feedback", summary, items));
    }
}
