package app.rungs.people.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which managers above a person the viewer may open, without Spring. Chain: 3 is the direct manager, 1 the top. */
class ReportingChainTest {

    private static final List<Long> CHAIN = List.of(3L, 2L, 1L);

    @Test
    void aManagerInTheChainOpensThemselvesAndTheManagersBelowThemOnly() {
        assertThat(ReportingChain.openable(CHAIN, 2L, false, true)).containsExactly(true, true, false);
        assertThat(ReportingChain.openable(CHAIN, 1L, false, true)).containsExactly(true, true, true);
        assertThat(ReportingChain.openable(CHAIN, 3L, false, true)).containsExactly(true, false, false);
    }

    @Test
    void thePersonThemselvesOpensNoneOfTheirManagers() {
        assertThat(ReportingChain.openable(CHAIN, 9L, false, false)).containsExactly(false, false, false);
        assertThat(ReportingChain.openable(CHAIN, 9L, false, true)).containsExactly(false, false, false);
        assertThat(ReportingChain.openable(CHAIN, null, false, true)).containsExactly(false, false, false);
    }

    @Test
    void anAdminOpensEveryone() {
        assertThat(ReportingChain.openable(CHAIN, null, true, false)).containsExactly(true, true, true);
    }
}
