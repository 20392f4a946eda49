package app.rungs.calibration.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The guideline setting is read strictly and applies only to a scale with exactly its ratings. */
class RatingGuidelineTest {

    @Test
    void theGuidelineAppliesToItsScaleInTheScalesOrder() {
        var guideline = new RatingGuideline("Below:10, Meets:60, Exceeds:25, Greatly exceeds:5");
        assertThat(guideline.forScale(List.of("Below", "Meets", "Exceeds", "Greatly exceeds")))
                .hasValueSatisfying(
                        g -> assertThat(g).containsEntry("Meets", 60.0).hasSize(4));
        assertThat(guideline.forScale(List.of("below", "meets", "exceeds", "greatly exceeds")))
                .isPresent();
        assertThat(guideline.forScale(List.of("Low", "Mid", "High"))).isEmpty();
        assertThat(new RatingGuideline("").forScale(List.of("Below", "Meets"))).isEmpty();
    }

    @Test
    void aMalformedGuidelineIsRefusedWithTheOffendingPart() {
        assertThatThrownBy(() -> RatingGuideline.parse("Below:10,Meets"))
                .hasMessageContaining("\"Meets\" is not Rating:percent");
        assertThatThrownBy(() -> RatingGuideline.parse("Below:x,Meets:100"))
                .hasMessageContaining("\"Below:x\" has no number");
        assertThatThrownBy(() -> RatingGuideline.parse("Below:50,Meets:40")).hasMessageContaining("add up to 90.0%");
        assertThatThrownBy(() -> RatingGuideline.parse("Below:150,Meets:-50"))
                .hasMessageContaining("not between 0 and 100");
    }
}
