package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.rungs.calibration.service.AgendaOrder;
import app.rungs.calibration.service.RatingScale;
import app.rungs.calibration.service.Spread;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agenda's order against a fixture computed by hand. Scale Below(0) Meets(1) Exceeds(2) Greatly exceeds(3);
 * distances in steps; score = the largest of the three, then their sum, then the name:
 *
 * <pre>
 * engineer  proposal  pre-ratings (manager*)   last cycle  disagreement  change  manager gap  score  sum
 * Ada       Exceeds   Alex* Exceeds, Bea Below  —           2             0       |2-0| = 2    2      4
 * Dev       —         Bea* Exceeds, Alex Exc.   Below       0             |2-0|=2 |2-2| = 0    2      2
 * Cy        Meets     Alex* Meets, Bea Exceeds  —           1             0       |1-2| = 1    1      2
 * Ben       Meets     Alex* Meets, Bea Meets    Below       0             1       0            1      1
 * Eve       —         none                      —           0             0       0            0      0
 * </pre>
 */
class AgendaOrderTest {

    static final List<String> SCALE = RatingScale.DEFAULT;

    private static Spread.Vote manager(String name, String rating) {
        return new Spread.Vote(1L, name, rating, true);
    }

    private static Spread.Vote other(String name, String rating) {
        return new Spread.Vote(2L, name, rating, false);
    }

    private static AgendaOrder.Input input(long id, String name, String proposal, String last, Spread.Vote... votes) {
        return new AgendaOrder.Input(
                id, name, proposal, Spread.of(List.of(votes), SCALE), last, last == null ? null : "2026-H1");
    }

    @Test
    void outliersComeFirstInTheHandComputedOrder() {
        var order = AgendaOrder.order(
                List.of(
                        input(5, "Eve", null, null),
                        input(2, "Ben", "Meets", "Below", manager("Alex", "Meets"), other("Bea", "Meets")),
                        input(3, "Cy", "Meets", null, manager("Alex", "Meets"), other("Bea", "Exceeds")),
                        input(4, "Dev", null, "Below", manager("Bea", "Exceeds"), other("Alex", "Exceeds")),
                        input(1, "Ada", "Exceeds", null, manager("Alex", "Exceeds"), other("Bea", "Below"))),
                SCALE);

        assertThat(order).extracting(AgendaOrder.Item::personName).containsExactly("Ada", "Dev", "Cy", "Ben", "Eve");
        assertThat(order)
                .extracting(
                        AgendaOrder.Item::disagreement, AgendaOrder.Item::lastCycleChange, AgendaOrder.Item::managerGap)
                .containsExactly(
                        tuple(2, 0, 2.0), tuple(0, 2, 0.0), tuple(1, 0, 1.0), tuple(0, 1, 0.0), tuple(0, 0, 0.0));
    }

    @Test
    void eachRowSaysWhyItIsWhereItIs() {
        var order = AgendaOrder.order(
                List.of(
                        input(1, "Ada", "Exceeds", null, manager("Alex", "Exceeds"), other("Bea", "Below")),
                        input(4, "Dev", null, "Below", manager("Bea", "Exceeds"), other("Alex", "Exceeds")),
                        input(5, "Eve", null, null)),
                SCALE);
        assertThat(order.get(0).reason())
                .isEqualTo("Pre-ratings range Below–Exceeds (2 steps), 1 of 2 disagree; Manager Alex rates Exceeds,"
                        + " the others average Below (2 steps apart)");
        assertThat(order.get(1).reason()).isEqualTo("Up 2 steps from last cycle (Below, 2026-H1 → Exceeds)");
        assertThat(order.get(2).reason()).isEqualTo("No pre-ratings to compare");
    }

    @Test
    void aManagerFarFromTheGroupOutranksASmallDisagreement() {
        // Fay: manager Greatly exceeds, three others Meets → gap |3-1| = 2, disagreement 2 as well, sum 4.
        // Gus: disagreement 1 only. Fay first; her reason names both distances.
        var order = AgendaOrder.order(
                List.of(
                        input(7, "Gus", "Meets", null, manager("Alex", "Meets"), other("Bea", "Exceeds")),
                        input(
                                6,
                                "Fay",
                                "Greatly exceeds",
                                null,
                                manager("Alex", "Greatly exceeds"),
                                other("Bea", "Meets"),
                                other("Cal", "Meets"),
                                other("Dot", "Meets"))),
                SCALE);
        assertThat(order).extracting(AgendaOrder.Item::personName).containsExactly("Fay", "Gus");
        assertThat(order.get(0).managerGap()).isEqualTo(2.0);
        assertThat(order.get(0).spread().disagree()).isEqualTo(1);
    }
}
