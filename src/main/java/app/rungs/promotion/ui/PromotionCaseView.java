package app.rungs.promotion.ui;

import app.rungs.evidence.service.EvidenceContext;
import app.rungs.evidence.ui.EvidenceDetailsDialog;
import app.rungs.evidence.ui.EvidenceServices;
import app.rungs.ladder.service.LadderContent;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.promotion.service.PromotionContent;
import app.rungs.promotion.service.PromotionPackets;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

/**
 * One promotion case: the packet (per area the narrative, per expectation the acknowledged evidence and "not met"
 * marks), readiness, reviewers with sign-offs, the timeline and comments, with the actions the user may take now.
 * What the engineer of the case sees is filtered by the service (never committee notes).
 */
@Route("promotions/:id(\\d{1,18})")
@PermitAll
@StyleSheet("styles/promotion.css")
public class PromotionCaseView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PromotionService promotions;
    private final PromotionContent content;
    private final PromotionReviews reviews;
    private final PromotionPackets packets;
    private final PromotionQueries queries;
    private final EvidenceServices evidence;
    private LadderContent ladder;
    CaseDetails details;

    public PromotionCaseView(
            PromotionService promotions,
            PromotionContent content,
            PromotionReviews reviews,
            PromotionPackets packets,
            PromotionQueries queries,
            EvidenceServices evidence) {
        this.promotions = promotions;
        this.content = content;
        this.reviews = reviews;
        this.packets = packets;
        this.queries = queries;
        this.evidence = evidence;
        addClassNames("page", "case-page");
    }

    static RouteParameters parameters(Long caseId) {
        return new RouteParameters("id", String.valueOf(caseId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters()
                .getLong("id")
                .orElseThrow(() -> new NotFoundException("Promotion case not found"));
        details = packets.details(id);
        render();
    }

    @Override
    public String getPageTitle() {
        return details == null
                ? "Promotion case"
                : details.engineerName() + " · " + details.packet().targetLevelKey() + " promotion case";
    }

    private void reload() {
        details = packets.details(details.id());
        render();
    }

    private void done(String message) {
        reload();
        Toasts.success(message);
    }

    void render() {
        removeAll();
        var ctx = new CaseContext(
                details, promotions, content, reviews, queries, packets, this::done, this::openEvidence);
        var back = new RouterLink("All promotions", PromotionsView.class);
        back.addClassName("case-back");
        var header = new CaseHeader(ctx);
        var columns = new Div(new PacketSection(ctx).mainColumn(), new CaseSideColumn(ctx).sideColumn());
        columns.addClassName("case-columns");
        add(back, header.header(), new CaseActionBar(ctx).actionBar());
        header.banner().ifPresent(this::add);
        add(columns);
    }

    /** Opens an item with the evidence feature's own details dialog, which checks access again. */
    private void openEvidence(Long evidenceId) {
        if (ladder == null) {
            ladder = evidence.reading()
                    .context(details.engineerId())
                    .map(EvidenceContext::ladder)
                    .orElse(null);
        }
        new EvidenceDetailsDialog(evidence, ladder, evidenceId, this::reload, null).open();
    }
}
