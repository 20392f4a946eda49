package app.rungs.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The packet exports: accented names render, characters outside the PDF fonts never break the export. */
@IntegrationTest
class PacketExportTest {

    @Autowired
    PromotionService promotions;

    @Autowired
    app.rungs.promotion.service.PromotionContent content;

    @Autowired
    app.rungs.promotion.service.PromotionPackets packets;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    PromotionFixtures fx;
    String manager;

    @BeforeEach
    void organization() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Zoë Łukasiewicz");
    }

    private static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aPacketForTomasNovakRendersHisNameAndEvidenceAsAPdfAndMarkdown() throws IOException {
        var engineer = fx.newEngineer("Tomás Novák", "DSE-2", manager);
        var drill = fx.logEvidence(
                engineer, "Chaos drill für the Zürich region", "DSE-3", "failure-modes-network-partitions");
        fx.acknowledge(manager, drill);
        var engineerId = fx.personOf(engineer);
        var id = fx.as(
                manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Chloé Dubois and Tomás agree."));
        fx.run(
                manager,
                () -> content.setNarrative(
                        id, fx.version(id), "fault-tolerance", "Ran the drill → found 3 bugs ✓ with Łukasz 分布式."));

        var pdf = text(fx.as(manager, () -> packets.exportPdf(id)));
        var name = fx.nameOf(engineer);
        assertThat(name).startsWith("Tomás Novák");
        assertThat(pdf)
                .contains(name)
                .contains("Chloé Dubois and Tomás agree.")
                .contains("Chaos drill für the Zürich region")
                .contains("Ran the drill -> found 3 bugs v with Lukasz ???.")
                .contains("from DSE-2")
                .contains("Fault Tolerance & Resilience")
                .contains("Reviewers")
                .contains("Page 1 of");

        assertThat(fx.as(manager, () -> promotions.details(id)).exportFileName("pdf"))
                .startsWith("promotion-packet-tomas-novak-")
                .endsWith("-dse-3.pdf");

        var markdown = fx.as(manager, () -> packets.exportMarkdown(id));
        assertThat(markdown)
                .startsWith("# Promotion packet: " + name)
                .contains("## Readiness")
                .contains("## Fault Tolerance & Resilience")
                .contains("Ran the drill → found 3 bugs ✓ with Łukasz 分布式.")
                .contains("- Chaos drill für the Zürich region — Other")
                .contains("(evidence #" + drill + ")");
    }
}
