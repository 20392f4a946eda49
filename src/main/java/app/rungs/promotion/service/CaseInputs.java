package app.rungs.promotion.service;

import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PersonCard;
import app.rungs.promotion.domain.PromotionCase;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Checks what a nomination or an edit asks for: the target level, the cycle and the texts, with what to fix. */
@Component
class CaseInputs {

    static final int MAX_TEXT = 20_000;

    private final LadderService ladders;

    CaseInputs(LadderService ladders) {
        this.ladders = ladders;
    }

    /** The target level's key when it is a published level above the engineer's, otherwise null and a problem. */
    String target(PersonCard engineer, String targetLevelKey, List<String> problems) {
        if (engineer.ladderId() == null) {
            problems.add(engineer.fullName() + " is not placed on a ladder yet.");
            return null;
        }
        if (targetLevelKey == null || targetLevelKey.isBlank()) {
            problems.add("Choose the target level.");
            return null;
        }
        var ladder = ladders.published(engineer.ladderId()).orElse(null);
        if (ladder == null) {
            problems.add("The ladder of " + engineer.fullName() + " has no published version.");
            return null;
        }
        var target = ladder.level(targetLevelKey.strip());
        if (target.isEmpty()) {
            problems.add("Level " + targetLevelKey.strip() + " is not part of "
                    + ladder.version().ladderName() + ", the ladder of " + engineer.fullName() + ".");
            return null;
        }
        var current = ladder.level(engineer.levelKey());
        if (current.isPresent() && target.get().position() <= current.get().position()) {
            problems.add(target.get().key() + " is not above " + engineer.fullName() + "'s current level "
                    + current.get().key() + "; a promotion case targets a higher level of the same ladder.");
            return null;
        }
        return target.get().key();
    }

    static String cycle(String cycle, List<String> problems) {
        if (cycle == null || cycle.isBlank()) {
            problems.add("Give the promotion cycle, like 2026-H2.");
            return null;
        }
        var label = cycle.strip();
        if (!Cycles.LABEL.matcher(label).matches()) {
            problems.add("A cycle is 2 to 20 letters, digits, spaces, dots, dashes or underscores, like 2026-H2.");
            return null;
        }
        return label;
    }

    static String text(String text, String missing, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(missing);
            return null;
        }
        if (text.length() > MAX_TEXT) {
            problems.add("Texts are at most " + MAX_TEXT + " characters long.");
            return null;
        }
        return text.strip();
    }

    static String openCaseMessage(String name, PromotionCase open) {
        return name + " already has an open promotion case (#" + open.getId() + ", "
                + open.getStatus().label().toLowerCase(Locale.ROOT) + ", for " + open.getTargetLevelKey()
                + "). Finish or withdraw it before starting another.";
    }
}
