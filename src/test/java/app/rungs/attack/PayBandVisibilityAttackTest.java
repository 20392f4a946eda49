package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.LevelPayBand;
import app.rungs.ladder.domain.LevelPayBandRepository;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderFormat;
import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PayBand;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pay bands are for admins. An engineer reads the bands of their own level and the next one, and only while an admin
 * lets engineers see bands on their ladder; never another level's, never a draft's, never through an export, and they
 * cannot change bands or who sees them. Lena Fischer holds DSE-2 on the demo ladder.
 */
@IntegrationTest
class PayBandVisibilityAttackTest {

    @Autowired
    LadderPayBandService payBands;

    @Autowired
    LadderService ladders;

    @Autowired
    LadderFileService files;

    @Autowired
    LevelPayBandRepository bandRows;

    @Autowired
    LevelRepository levels;

    @Autowired
    LadderVersionRepository versions;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    RunAs runAs;

    Long ladderId;
    Long versionId;

    @BeforeEach
    void bandsOnTheDemoLadder() {
        // Lena's own ladder (an admin's "default" is the first published, which other tests may add).
        ladderId = runAs.as(DemoUsers.ENGINEER, () -> ladders.defaultLadderId().orElseThrow());
        versionId = runAs.as(
                DemoUsers.ADMIN,
                () -> ladders.published(ladderId).orElseThrow().version().id());
        // The published version never changes through the service; the fixture writes its bands directly.
        tx.executeWithoutResult(s -> {
            var version = versions.findById(versionId).orElseThrow();
            for (var level : levels.findByVersion(versionId)) {
                var band = new LevelPayBand(version, level, "EUR");
                band.set(
                        50_000 + level.getPosition() * 10_000L,
                        60_000 + level.getPosition() * 10_000L,
                        70_000 + level.getPosition() * 10_000L,
                        LocalDate.of(2026, 1, 1));
                bandRows.save(band);
            }
        });
    }

    @AfterEach
    void removeBands() {
        tx.executeWithoutResult(s -> bandRows.deleteAll(bandRows.findByVersion(versionId)));
        runAs.run(DemoUsers.ADMIN, () -> {
            var settings = payBands.settings(ladderId);
            if (settings.shownToEngineers()) {
                payBands.showBandsToEngineers(ladderId, false, settings.version());
            }
        });
    }

    private void allowEngineers() {
        runAs.run(
                DemoUsers.ADMIN,
                () -> payBands.showBandsToEngineers(
                        ladderId, true, payBands.settings(ladderId).version()));
    }

    @Test
    void anEngineerCannotReadEvenTheirOwnBandWhileTheAdminHasNotAllowedIt() {
        runAs.run(DemoUsers.ENGINEER, () -> {
            assertThat(payBands.mayRead(versionId, "DSE-2")).isFalse();
            assertThatThrownBy(() -> payBands.levelPay(versionId, "DSE-2")).isInstanceOf(AccessDeniedException.class);
        });
        var admin = runAs.as(DemoUsers.ADMIN, () -> payBands.levelPay(versionId, "DSE-2"));
        assertThat(admin.bands()).extracting(PayBand::currency).containsExactly("EUR");
    }

    @Test
    void anAllowedEngineerReadsTheirOwnAndNextLevelButNoOtherLevelIsReadable() {
        allowEngineers();
        runAs.run(DemoUsers.ENGINEER, () -> {
            assertThat(payBands.levelPay(versionId, "DSE-2").bands()).hasSize(1);
            assertThat(payBands.levelPay(versionId, "DSE-3").bands()).hasSize(1);
            for (var other : new String[] {"DSE-1", "SPE-1", "SPE-2", "DE-1"}) {
                assertThat(payBands.mayRead(versionId, other)).as(other).isFalse();
                assertThatThrownBy(() -> payBands.levelPay(versionId, other))
                        .as(other)
                        .isInstanceOf(AccessDeniedException.class);
            }
        });
        // Any other engineer also reads exactly two levels at most: their own and the next.
        var keys = runAs.as(DemoUsers.ADMIN, () -> ladders.content(versionId).levels());
        long readable = runAs.as(
                DemoUsers.OTHER_ENGINEER,
                () -> keys.stream()
                        .filter(l -> payBands.mayRead(versionId, l.key()))
                        .count());
        assertThat(readable).isBetween(1L, 2L);
    }

    @Test
    void anEngineerCannotListAllBandsOrTheBandDiff() {
        allowEngineers();
        runAs.run(DemoUsers.ENGINEER, () -> {
            assertThatThrownBy(() -> payBands.bands(versionId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> payBands.diff(versionId, versionId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> payBands.settings(ladderId)).isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void anEngineerCannotChangeBandsOrWhoSeesThem() {
        runAs.run(DemoUsers.ENGINEER, () -> {
            assertThatThrownBy(() -> payBands.showBandsToEngineers(ladderId, true, 0))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> payBands.saveBand(
                            versionId, "DSE-2", new PayBand.Input("EUR", 1L, 2L, 3L, LocalDate.of(2026, 1, 1))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> payBands.removeBand(versionId, "DSE-2", "EUR"))
                    .isInstanceOf(AccessDeniedException.class);
        });
        runAs.run(
                DemoUsers.MANAGER,
                () -> assertThatThrownBy(() -> payBands.showBandsToEngineers(ladderId, true, 0))
                        .isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void anEngineersExportOfTheLadderCarriesNoBandsEvenWhenAllowed() {
        allowEngineers();
        for (var format : new LadderFormat[] {LadderFormat.YAML, LadderFormat.CSV}) {
            var engineer = runAs.as(DemoUsers.ENGINEER, () -> files.export(versionId, format));
            var text = new String(engineer.content(), StandardCharsets.UTF_8);
            assertThat(text).as(format.name()).doesNotContain("payBands").doesNotContain("pay bands");
            var admin = runAs.as(DemoUsers.ADMIN, () -> files.export(versionId, format));
            assertThat(new String(admin.content(), StandardCharsets.UTF_8))
                    .as(format.name())
                    .containsAnyOf("payBands", "pay bands");
        }
    }

    @Test
    void anAdminsRefusedBandChangesNothingAndSaysWhy() {
        assertThatThrownBy(() -> runAs.run(
                        DemoUsers.ADMIN,
                        () -> payBands.saveBand(
                                versionId, "DSE-2", new PayBand.Input("EUR", 1L, 2L, 3L, LocalDate.of(2026, 1, 1)))))
                .hasMessageContaining("cannot be changed; start a new draft instead");
        assertThat(runAs.as(
                        DemoUsers.ADMIN,
                        () -> payBands.levelPay(versionId, "DSE-2")
                                .bands()
                                .getFirst()
                                .min()))
                .isEqualTo(50_000 + levelPosition("DSE-2") * 10_000L);
    }

    private int levelPosition(String key) {
        return tx.execute(s -> levels.findByVersion(versionId).stream()
                .filter(l -> l.getKey().equals(key))
                .findFirst()
                .orElseThrow()
                .getPosition());
    }
}
