package app.rungs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void daysAreCountedFromToday() {
        assertThat(DemoDates.resolve("@date(-80)", TODAY)).isEqualTo("2026-09-11");
        assertThat(DemoDates.resolve("@date(0)", TODAY)).isEqualTo("2026-11-30");
    }

    @Test
    void yearsAreAddedAfterTheDays() {
        // The expiry is "issued on" plus whole years; adding the years first would give 2028-02-29.
        assertThat(DemoDates.resolve("@date(-200+3y)", LocalDate.of(2025, 9, 16)))
                .isEqualTo("2028-02-28");
        assertThat(DemoDates.resolve("@date(-25+1y)", TODAY)).isEqualTo("2027-11-05");
    }

    @Test
    void aYearIsTheYearOfThatDay() {
        assertThat(DemoDates.resolve("@year(-150)", LocalDate.of(2026, 3, 1))).isEqualTo("2025");
        assertThat(DemoDates.resolve("@year(0)", TODAY)).isEqualTo("2026");
    }

    @Test
    void aCycleStartsInJanuaryOrJuly() {
        assertThat(DemoDates.startOfCycle(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(DemoDates.startOfCycle(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(DemoDates.startOfCycle(TODAY)).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void plainTextStaysAsItIs() {
        assertThat(DemoDates.resolve("INC-2291", TODAY)).isEqualTo("INC-2291");
        assertThat(DemoDates.resolve(null, TODAY)).isNull();
    }

    @Test
    void anUnknownExpressionIsRefused() {
        assertThatThrownBy(() -> DemoDates.resolve("@date(yesterday)", TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@date(yesterday)");
    }
}
