package app.rungs.shared.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The small-group rule of every aggregate about people: a group with fewer people than the organization's minimum
 * (default 5) is suppressed, and so much more as keeps it from being worked out of what is shown.
 *
 * <ul>
 *   <li>Primary: every non-empty group below the minimum is suppressed.
 *   <li>Complementary: if exactly one group is suppressed, the total minus the others would reveal it, so the smallest
 *       shown group is suppressed too; with no other group to hide, the total is hidden instead.
 *   <li>A total below the minimum is hidden as well.
 * </ul>
 *
 * <p>A pure rule, no storage: the minimum comes from the outcome audit settings
 * ({@code fairness.service.OutcomeAuditSettingsService#minimumGroupSize()}).
 */
public final class SmallGroups {

    public static final int DEFAULT_MINIMUM = 5;

    /** Why a group's numbers are not shown. */
    public enum Reason {
        SHOWN,
        /** The group itself is smaller than the minimum. */
        TOO_SMALL,
        /** Hidden so that a total minus the shown groups cannot reveal a small one. */
        COMPLEMENTARY
    }

    /**
     * @param reasons per group, in the order given
     * @param totalShown false when the total (and totals by column) would reveal a suppressed group
     */
    public record Suppression(int minimum, List<Reason> reasons, boolean totalShown) {

        public boolean suppressed(int index) {
            return reasons.get(index) != Reason.SHOWN;
        }

        public boolean anySuppressed() {
            return reasons.stream().anyMatch(r -> r != Reason.SHOWN);
        }

        /** "fewer than 5" or "hidden to protect a small group". */
        public String label(int index) {
            return switch (reasons.get(index)) {
                case SHOWN -> "";
                case TOO_SMALL -> fewerThan(minimum);
                case COMPLEMENTARY -> "hidden to protect a small group";
            };
        }
    }

    private SmallGroups() {}

    /** "fewer than 5": what a suppressed group shows instead of its numbers. */
    public static String fewerThan(int minimum) {
        return "fewer than " + minimum;
    }

    /** Applies the rule to the sizes of the groups of one breakdown (groups of size 0 are not shown at all). */
    public static Suppression suppress(List<Long> sizes, int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum must be positive: " + minimum);
        }
        var reasons = new ArrayList<Reason>();
        long total = 0;
        for (long size : sizes) {
            reasons.add(size > 0 && size < minimum ? Reason.TOO_SMALL : Reason.SHOWN);
            total += size;
        }
        boolean totalShown = total >= minimum || total == 0;
        long small = reasons.stream().filter(r -> r == Reason.TOO_SMALL).count();
        if (small == 1) {
            var next = IntStream.range(0, sizes.size())
                    .filter(i -> reasons.get(i) == Reason.SHOWN && sizes.get(i) > 0)
                    .boxed()
                    .min(Comparator.comparingLong(sizes::get));
            if (next.isPresent()) {
                reasons.set(next.get(), Reason.COMPLEMENTARY);
            } else {
                totalShown = false;
            }
        }
        return new Suppression(minimum, List.copyOf(reasons), totalShown);
    }
}
