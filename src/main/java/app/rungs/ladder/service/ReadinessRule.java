package app.rungs.ladder.service;

/**
 * When a person is ready for their next level, per ladder version. The electives part comes from each level's
 * "at least k electives" ({@link LadderContent.LevelView#electivesRequired()}).
 *
 * @param currentCore every core expectation of the current level must be backed
 * @param targetPercent share (0..100) of the target level's applicable core and track expectations backed
 * @param weighted the share counts competency weights instead of expectations
 */
public record ReadinessRule(boolean currentCore, int targetPercent, boolean weighted) {

    /** The rule of a version that never set one: current core met, 60% of the target, unweighted. */
    public static final ReadinessRule DEFAULT = new ReadinessRule(true, 60, false);

    public ReadinessRule {
        if (targetPercent < 0 || targetPercent > 100) {
            throw new IllegalArgumentException(
                    "The target share must be between 0 and 100 percent, not " + targetPercent + ".");
        }
    }
}
