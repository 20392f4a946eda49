package app.rungs.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.service.LadderDocument;
import app.rungs.ladder.service.LadderTemplates;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in template follows the seed: three tiers, at least 40 technical domains, every level has expectations. */
class DistributedSystemsTemplateTest {

    private final LadderDocument template = new LadderTemplates().load(LadderTemplates.DISTRIBUTED_SYSTEMS);

    @Test
    void hasTheThreeTiersOfTheField() {
        assertThat(template.tiers())
                .extracting(LadderDocument.TierDoc::name)
                .containsExactly(
                        "Distributed Systems Engineer (IC)",
                        "Staff / Principal Engineer",
                        "Distinguished Engineer / Research Scientist");
        assertThat(levels()).containsExactly("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2", "DE-1", "RS-1");
    }

    @Test
    void coversAtLeastFortyTechnicalDomainsIncludingTheNamedOnes() {
        var names = template.areas().stream()
                .flatMap(a -> a.competencies().stream())
                .map(c -> c.name().toLowerCase())
                .toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40);
        for (var domain : List.of(
                "consensus",
                "replication",
                "sharding",
                "cap",
                "crdt",
                "clock",
                "gossip",
                "idempot",
                "two-phase",
                "cqrs",
                "leader election",
                "service discovery",
                "back-pressure",
                "observability",
                "capacity",
                "benchmark",
                "encryption",
                "audit trail",
                "authentication federation",
                "container orchestration",
                "tcp/ip",
                "rpc")) {
            assertThat(names).as("a competency about " + domain).anyMatch(n -> n.contains(domain));
        }
    }

    @Test
    void everyLevelHasItsOwnExpectationsAndKeysAreUnique() {
        var keys = new HashSet<String>();
        for (var area : template.areas()) {
            for (var c : area.competencies()) {
                assertThat(keys.add(c.key())).as("unique key " + c.key()).isTrue();
            }
        }
        for (var level : levels()) {
            long explicit = template.areas().stream()
                    .flatMap(a -> a.competencies().stream())
                    .flatMap(
                            c -> c.expectations() == null ? java.util.stream.Stream.empty() : c.expectations().stream())
                    .filter(e -> e.level().equals(level))
                    .count();
            assertThat(explicit).as("expectations written for " + level).isGreaterThanOrEqualTo(8);
        }
    }

    private List<String> levels() {
        return template.tiers().stream()
                .flatMap(t -> t.levels().stream())
                .map(LadderDocument.LevelDoc::key)
                .toList();
    }
}
