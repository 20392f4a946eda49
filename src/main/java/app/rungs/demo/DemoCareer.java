package app.rungs.demo;

import app.rungs.demo.DemoData.Hire;
import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A demo person's start date and level history, derived from their tenure: long-tenured people joined lower and
 * were promoted every 14 to 27 months, never within the last two months. Draws from the one seeded random
 * sequence in a fixed order, so the same organization comes out on every seeding of the same day.
 */
record DemoCareer(LocalDate start, String entryLevel, List<Promotion> promotions) {

    record Promotion(String level, LocalDate date) {}

    static DemoCareer of(Hire hire, List<String> levels, LocalDate today, Random random) {
        int target = levels.indexOf(hire.level());
        if (target < 0) {
            throw new IllegalArgumentException(
                    hire.name() + " has level " + hire.level() + ", which is not one of " + levels);
        }
        var start = today.minusYears(hire.yearsAgo()).minusDays(random.nextInt(200) + 20);
        int entry = Math.max(0, target - Math.min(target, hire.yearsAgo() / 3));
        var promotions = new ArrayList<Promotion>();
        var date = start;
        for (int level = entry + 1; level <= target; level++) {
            date = date.plusMonths(14 + random.nextInt(14));
            if (date.isAfter(today.minusMonths(2))) {
                date = today.minusMonths(2 + random.nextInt(3));
            }
            promotions.add(new Promotion(levels.get(level), date));
        }
        return new DemoCareer(start, levels.get(entry), List.copyOf(promotions));
    }

    /** Specialists have a track; generalists none. */
    static ScopeAxis scope(SpecializationTrack track) {
        return track == null ? ScopeAxis.GENERALIST : ScopeAxis.SPECIALIST;
    }

    static FocusAxis focus(SpecializationTrack track) {
        return track == SpecializationTrack.CLOUD_INFRASTRUCTURE || track == SpecializationTrack.DATA_INFRASTRUCTURE
                ? FocusAxis.PLATFORM
                : FocusAxis.PRODUCT;
    }

    static CommunityAxis community(SpecializationTrack track) {
        return track == SpecializationTrack.RESEARCH_PROTOCOL_DESIGN
                ? CommunityAxis.OPEN_SOURCE_STANDARDS
                : CommunityAxis.INDUSTRY;
    }
}
