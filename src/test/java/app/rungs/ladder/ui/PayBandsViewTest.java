package app.rungs.ladder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.LevelPayBand;
import app.rungs.ladder.domain.LevelPayBandRepository;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.ladder.service.PayBand;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** Level pay bands as admins edit them and as admins and engineers read them. */
@IntegrationTest
class PayBandsViewTest extends SpringBrowserlessTest {

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderService ladders;

    @Autowired
    LadderPayBandService payBands;

    @Autowired
    LevelPayBandRepository bandRows;

    @Autowired
    LevelRepository levels;

    @Autowired
    LadderVersionRepository versions;

    @Autowired
    AuditService audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    RunAs runAs;

    private void open(String location) {
        UI.getCurrent().navigate(location);
        roundTrip();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    @SuppressWarnings("unchecked")
    void anAdminSetsALevelsBandInTheDraftSeesItOnTheLevelPageAndInTheVersionDiff() {
        var ladderId = lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Bands " + System.nanoTime());
        var draftId = lifecycle.startDraft(ladderId);
        open("ladders/" + ladderId + "/edit");
        test($(Button.class).id("pay-bands-button")).click();
        var dialog = $(PayBandsDialog.class).single();
        assertThat(dialog.isDraft()).isTrue();

        Select<app.rungs.ladder.service.LadderContent.LevelView> level =
                $(Select.class).id("band-level");
        level.setValue(ladders.content(draftId).level("DSE-2").orElseThrow());
        $(TextField.class).id("band-currency").setValue("eur");
        $(NumberField.class).id("band-min").setValue(80_000d);
        $(NumberField.class).id("band-mid").setValue(70_000d);
        $(NumberField.class).id("band-max").setValue(90_000d);
        $(DatePicker.class).id("band-effective").setValue(LocalDate.of(2026, 1, 1));
        test($(Button.class).id("band-save")).click();
        assertThat($(Paragraph.class).id("band-problems").getText())
                .isEqualTo("Midpoint (70000) is below min (80000); min ≤ mid ≤ max.");
        assertThat(payBands.bands(draftId)).as("a refused band changes nothing").isEmpty();

        $(NumberField.class).id("band-mid").setValue(85_000d);
        test($(Button.class).id("band-save")).click();
        assertThat($(Paragraph.class).id("band-problems").getText()).isEmpty();
        assertThat(payBands.bands(draftId).get("DSE-2"))
                .containsExactly(new PayBand("DSE-2", "EUR", 80_000, 85_000, 90_000, LocalDate.of(2026, 1, 1)));
        assertThat(test(dialog.grid).size()).isEqualTo(1);
        dialog.close();

        lifecycle.publish(draftId, ladders.content(draftId).version().version(), "Pay bands");
        open("ladders/" + ladderId + "/levels/DSE-2");
        var section = $(Div.class).id("pay-bands");
        assertThat(section.getElement().getTextRecursively()).contains("€80,000 – €90,000", "midpoint €85,000");
        assertThat($(Paragraph.class).id("pay-market-note").getText())
                .contains("SOC 15-1252", "$124,200", "SOC 15-1299", "$97,430", "BLS Occupational Outlook Handbook");

        open("ladders/" + ladderId + "/levels/DSE-1");
        assertThat($(Div.class).id("pay-bands").getElement().getTextRecursively())
                .contains("No company pay band is set for DSE-1.");

        open("ladders/" + ladderId + "/history");
        var changes = $(Div.class).id("pay-band-changes");
        assertThat(changes.getElement().getTextRecursively())
                .contains("Added", "DSE-2 · EUR: EUR 80000 / 85000 / 90000 from 2026-01-01");

        var next = lifecycle.startDraft(ladderId);
        assertThat(payBands.bands(next).get("DSE-2"))
                .as("a new draft copies the bands")
                .hasSize(1);
        assertThat(audit.find(
                        new AuditFilter(null, "LADDER_PAY_BAND_SAVED", null, null, null, null), PageRequest.of(0, 5)))
                .isNotEmpty();
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerSeesTheBandOfTheirOwnAndNextLevelOnlyOnceAnAdminAllowsIt() {
        var ladderId = ladders.defaultLadderId().orElseThrow();
        var versionId = ladders.published(ladderId).orElseThrow().version().id();
        tx.executeWithoutResult(s -> {
            var version = versions.findById(versionId).orElseThrow();
            for (var level : levels.findByVersion(versionId)) {
                var band = new LevelPayBand(version, level, "USD");
                band.set(100_000, 120_000, 140_000, LocalDate.of(2026, 1, 1));
                bandRows.save(band);
            }
        });
        try {
            open("ladders/" + ladderId + "/levels/DSE-2");
            assertThat($(Div.class).withId("pay-bands").all())
                    .as("not allowed yet")
                    .isEmpty();

            runAs.run(DemoUsers.ADMIN, () -> {
                open("ladders/" + ladderId + "/edit");
                test($(Button.class).id("pay-bands-button")).click();
                test($(Checkbox.class).id("bands-shown")).click();
                $(PayBandsDialog.class).single().close();
            });
            assertThat(runAs.as(
                            DemoUsers.ADMIN, () -> payBands.settings(ladderId).shownToEngineers()))
                    .isTrue();

            open("ladders/" + ladderId + "/levels/DSE-2");
            assertThat($(Div.class).id("pay-bands").getElement().getTextRecursively())
                    .contains("US$100,000 – US$140,000");
            open("ladders/" + ladderId + "/levels/DSE-3");
            assertThat($(Div.class).withId("pay-bands").all()).hasSize(1);
            open("ladders/" + ladderId + "/levels/SPE-2");
            assertThat($(Div.class).withId("pay-bands").all())
                    .as("two levels up")
                    .isEmpty();
        } finally {
            tx.executeWithoutResult(s -> bandRows.deleteAll(bandRows.findByVersion(versionId)));
            runAs.run(DemoUsers.ADMIN, () -> {
                var settings = payBands.settings(ladderId);
                if (settings.shownToEngineers()) {
                    payBands.showBandsToEngineers(ladderId, false, settings.version());
                }
            });
        }
    }
}
