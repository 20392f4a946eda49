package app.rungs.growth.service;

import app.rungs.growth.domain.GoalStatus;
import app.rungs.promotion.service.PacketInputSection;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.shared.domain.DateTexts;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The growth plan in the promotion packet: each goal that was not dropped, with its competency, status, target date
 * and latest note. The engineer sees their whole plan anyway, so both audiences get the same section.
 */
@Component
class GrowthPacketInput implements PacketInputSource {

    private final GrowthPlans plans;

    GrowthPacketInput(GrowthPlans plans) {
        this.plans = plans;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PacketInputSection> section(Request request) {
        var goals = plans.goalsForPacket(request.engineerId()).stream()
                .filter(g -> g.status() != GoalStatus.DROPPED)
                .toList();
        if (goals.isEmpty()) {
            return Optional.empty();
        }
        long done = goals.stream().filter(g -> g.status() == GoalStatus.DONE).count();
        var items = goals.stream()
                .map(g -> new PacketInputSection.Item(
                        g.competencyName() + " (" + g.levelKey() + ")",
                        g.title() + " — " + (g.status() == GoalStatus.DONE ? "done" : "open") + ", target "
                                + DateTexts.date(g.targetDate()),
                        g.notes().isEmpty()
                                ? null
                                : g.notes().getLast().authorName() + ": "
                                        + g.notes().getLast().body()))
                .toList();
        return Optional.of(new PacketInputSection("Growth plan", done + " of " + goals.size() + " goals done", items));
    }
}
