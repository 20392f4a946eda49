package app.rungs.evidence.ui;

import app.rungs.evidence.service.EvidenceDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What the editor says about the review state of the item being edited, above the form. */
final class EvidenceReviewBanner {

    private EvidenceReviewBanner() {}

    /** The banner for an acknowledged, returned or submitted item; an empty span otherwise. */
    static Component of(EvidenceDetails existing) {
        if (existing == null) {
            return new Span();
        }
        var banner = new Div();
        banner.addClassName("review-banner");
        switch (existing.status()) {
            case ACKNOWLEDGED -> {
                banner.addClassName("acknowledged");
                banner.add(
                        VaadinIcon.INFO_CIRCLE.create(),
                        new Span("Acknowledged by " + existing.reviewedBy() + ". Saving starts revision "
                                + (existing.revision() + 1)
                                + "; the acknowledged revision stays in the item's history. Until the new revision"
                                + " is acknowledged, it counts as " + "draft or submitted."));
            }
            case RETURNED -> {
                banner.addClassName("returned");
                banner.add(
                        VaadinIcon.ARROW_BACKWARD.create(),
                        new Div(
                                new Span(existing.reviewedBy() + " returned this:"),
                                new Paragraph(existing.reviewComment())));
            }
            case SUBMITTED -> {
                banner.addClassName("submitted");
                banner.add(
                        VaadinIcon.INBOX.create(),
                        new Span("Submitted for review: your manager sees your changes once you save them."));
            }
            default -> {
                return new Span();
            }
        }
        return banner;
    }
}
