package app.rungs.evidence.service;

import java.util.List;

/**
 * A person's readiness for their target level under the ladder version's readiness rule, as a checklist: each part
 * of the rule with whether it is met and its numbers, never one opaque percentage. Competencies an approved waiver
 * marks not applicable are left out of every part.
 *
 * @param targetLevelKey the level measured against, null when the person is at a fork without a chosen track
 * @param parts the rule's parts in order: current core, target share, electives (those the rule and level ask)
 * @param percent the headline number for grids: the target share backed (weighted where the rule weighs)
 * @param waived how many competencies are left out as not applicable to the person
 */
public record Readiness(String targetLevelKey, List<Part> parts, int percent, int waived) {

    public enum Kind {
        CURRENT_CORE,
        TARGET_SHARE,
        ELECTIVES
    }

    /**
     * One part of the rule.
     *
     * @param backed how many (or, weighted, how much weight) acknowledged evidence backs
     * @param total how many (or how much weight) the part counts
     * @param needed how many (or how much weight) it takes to meet the part
     */
    public record Part(Kind kind, String label, boolean met, int backed, int total, int needed, String numbers) {}

    /** The readiness of someone no rule can measure (no target): nothing met, nothing to show. */
    public static Readiness none() {
        return new Readiness(null, List.of(), 0, 0);
    }

    /** Every part of the rule is met (and there is a rule to meet). */
    public boolean ready() {
        return !parts.isEmpty() && parts.stream().allMatch(Part::met);
    }

    public long partsMet() {
        return parts.stream().filter(Part::met).count();
    }

    /** "2 of 3 parts met" — the short form for grids and cards. */
    public String headline() {
        return parts.isEmpty() ? "No rule applies" : partsMet() + " of " + parts.size() + " parts met";
    }
}
