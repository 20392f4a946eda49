package app.rungs.calibration.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The organization's rating guideline: the share of each rating the organization expects across many teams, set in
 * {@code rungs.calibration.guideline} (e.g. {@code Below:10,Meets:60,Exceeds:25,Greatly exceeds:5}). A guideline is a
 * reference to compare a distribution with, never a forced curve: nothing in Rungs changes or refuses a rating for it.
 * It applies to sessions whose scale has exactly its ratings (case-insensitive); other scales have none.
 */
@Service
public class RatingGuideline {

    private final Map<String, Double> shares;

    RatingGuideline(@Value("${rungs.calibration.guideline:}") String guideline) {
        this.shares = parse(guideline);
    }

    /** Percent per rating of the scale, in the scale's order, or empty when the guideline is not for this scale. */
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
    public Optional<Map<String, Double>> forScale(List<String> scale) {
        if (shares.isEmpty() || scale.size() != shares.size()) {
            return Optional.empty();
        }
        var result = new LinkedHashMap<String, Double>();
        for (var rating : scale) {
            var share = shares.get(rating.toLowerCase(Locale.ROOT));
            if (share == null) {
                return Optional.empty();
            }
            result.put(rating, share);
        }
        return Optional.of(result);
    }

    /** Parses "Rating:percent, ..."; a malformed setting is a startup error with the offending part named. */
    static Map<String, Double> parse(String text) {
        var result = new LinkedHashMap<String, Double>();
        if (text == null || text.isBlank()) {
            return result;
        }
        double sum = 0;
        for (var part : text.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "rungs.calibration.guideline: \"" + part.strip() + "\" is not Rating:percent");
            }
            double share;
            try {
                share = Double.parseDouble(part.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "rungs.calibration.guideline: \"" + part.strip() + "\" has no number after the colon");
            }
            if (share < 0 || share > 100) {
                throw new IllegalArgumentException(
                        "rungs.calibration.guideline: \"" + part.strip() + "\" is not between 0 and 100 percent");
            }
            result.put(part.substring(0, colon).strip().toLowerCase(Locale.ROOT), share);
            sum += share;
        }
        if (Math.abs(sum - 100) > 0.5) {
            throw new IllegalArgumentException(
                    "rungs.calibration.guideline: the shares add up to " + sum + "%, not 100%");
        }
        return result;
    }
}
