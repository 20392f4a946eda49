package app.rungs.evidence.ui;

import app.rungs.evidence.service.CompetencyWaivers;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import org.springframework.stereotype.Component;

/**
 * The evidence services a screen works with, handed around as one: the list, the details dialog and the editor
 * read, change and review the same items. Each service checks access itself.
 */
@Component
public record EvidenceServices(
        EvidenceService reading, EvidenceAuthoring authoring, EvidenceReview review, CompetencyWaivers waivers) {}
