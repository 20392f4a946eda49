package app.rungs.promotion.service;

import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseRole;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCommentRepository;
import app.rungs.promotion.domain.PromotionEventRepository;
import app.rungs.promotion.domain.PromotionNarrative;
import app.rungs.promotion.domain.PromotionNarrativeRepository;
import app.rungs.promotion.domain.PromotionNotMet;
import app.rungs.promotion.domain.PromotionNotMetRepository;
import app.rungs.promotion.domain.PromotionReviewer;
import app.rungs.promotion.domain.PromotionReviewerRepository;
import app.rungs.promotion.domain.PromotionSettingsRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case page and the packet a case is decided on: what each viewer may read of a case (the engineer's copy has no
 * committee notes, sign-off comments or return reasons), the live packet built from the ladder and the engineer's
 * acknowledged evidence, the packet frozen when the case enters calibration, and its Markdown and PDF exports.
 *
 * <p>The engineer's ladder and level are directory facts ({@link PersonDirectory}). Reviewers are often outside the
 * engineer's reporting line: the evidence feature lets them read the engineer's acknowledged evidence and coverage
 * because {@link ReviewerEvidenceGrant} vouches for them (a reviewer of an open case), so the reviewer sees the same
 * packet as the manager (read only), never the engineer's drafts.
 */
@Service
public class PromotionPackets {

    static final int MAX_EVIDENCE = 500;

    private final CaseAccess access;
    private final PromotionNarrativeRepository narratives;
    private final PromotionNotMetRepository notMets;
    private final PromotionReviewerRepository reviewers;
    private final PromotionEventRepository events;
    private final PromotionCommentRepository comments;
    private final PromotionSettingsRepository settings;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final EvidenceService evidence;
    private final Clock clock;
    private final List<PacketInputSource> inputSources;
    private final JsonMapper json = JsonMapper.builder().build();

    PromotionPackets(
            CaseAccess access,
            PromotionNarrativeRepository narratives,
            PromotionNotMetRepository notMets,
            PromotionReviewerRepository reviewers,
            PromotionEventRepository events,
            PromotionCommentRepository comments,
            PromotionSettingsRepository settings,
            PersonDirectory directory,
            LadderService ladders,
            EvidenceService evidence,
            Clock clock,
            List<PacketInputSource> inputSources) {
        this.access = access;
        this.narratives = narratives;
        this.notMets = notMets;
        this.reviewers = reviewers;
        this.events = events;
        this.comments = comments;
        this.settings = settings;
        this.directory = directory;
        this.ladders = ladders;
        this.evidence = evidence;
        this.clock = clock;
        this.inputSources = inputSources;
    }

    /** The case as the signed-in user may read it; not found for anyone unrelated to it. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CaseDetails details(Long id) {
        var visit = access.visit(id);
        return details(visit.c(), visit.reviewers(), visit.roles());
    }

    /**
     * A case as someone in the given roles sees it, for a data export that decided itself who may read what (see
     * {@link PromotionPrivacyData}): the engineer's copy has no committee notes, the admin's has everything.
     */
    CaseDetails detailsAs(Long id, Set<CaseRole> roles) {
        return details(access.load(id), reviewers.findByCase(id), roles);
    }

    private CaseDetails details(PromotionCase c, List<PromotionReviewer> reviewerRows, Set<CaseRole> roles) {
        boolean engineer = roles.contains(CaseRole.ENGINEER);
        // The engineer's copy carries verdicts only where the organization shares them (never the comments).
        boolean verdicts =
                !engineer || PromotionSettingsService.current(settings).isVerdictsShownToEngineer();
        boolean committee = roles.contains(CaseRole.ADMIN)
                || roles.contains(CaseRole.LINE_MANAGER)
                || roles.contains(CaseRole.REVIEWER);
        var packet = packet(c);
        var reviewerViews = reviewerRows.stream()
                .map(r -> new CaseDetails.Reviewer(
                        r.getPersonId(),
                        r.getPersonName(),
                        verdicts ? r.getSignOff() : null,
                        engineer ? null : r.getSignOffComment(),
                        verdicts ? r.getSignedAt() : null,
                        !verdicts))
                .toList();
        var timeline = events.findByCase(c.getId()).stream()
                .map(e -> new CaseDetails.Event(
                        e.getAction(),
                        e.getFromStatus(),
                        e.getToStatus(),
                        e.getActorName(),
                        engineer && !e.getAction().noteShownToEngineer() ? null : e.getNote(),
                        e.getOccurredAt()))
                .toList();
        var kinds = committee ? EnumSet.allOf(CommentKind.class) : EnumSet.of(CommentKind.COMMENT);
        var thread = comments.findByCase(c.getId(), kinds).stream()
                .map(x -> new CaseDetails.Comment(
                        x.getId(), x.getKind(), x.getAuthorName(), x.getBody(), x.getCreatedAt()))
                .toList();
        return new CaseDetails(
                c.getId(),
                c.getEngineerId(),
                c.getEngineerName(),
                c.getLadderId(),
                c.getCycle(),
                c.getStatus(),
                c.isSelfNominated(),
                c.getNominatedByName(),
                c.getJustification(),
                c.getClosingNote(),
                c.getEffectiveDate(),
                c.getDecidedAt(),
                c.getDecidedBy(),
                c.getCreatedAt(),
                c.getUpdatedAt(),
                c.getVersion(),
                packet,
                reviewerViews,
                timeline,
                thread,
                Set.copyOf(roles),
                CaseAction.allowed(c.getStatus(), roles));
    }

    /** The packet as a Markdown document for a committee (no comments, committee notes or sign-off comments). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public String exportMarkdown(Long id) {
        var d = details(id);
        return PacketMarkdown.render(d, LocalDate.now(clock), PacketInputs.forCase(inputSources, d));
    }

    /** The packet as a PDF for a committee (no comments, committee notes or sign-off comments). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public byte[] exportPdf(Long id) {
        var d = details(id);
        return PacketPdf.render(d, LocalDate.now(clock), PacketInputs.forCase(inputSources, d));
    }

    /**
     * The growth inputs other features show next to the evidence (latest agreed check-in, peer feedback, growth
     * plan), for the signed-in user after the case's read check; the engineer gets the engineer's version.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<PacketInputSection> inputs(Long id) {
        var visit = access.visit(id);
        var c = visit.c();
        return PacketInputs.collect(
                inputSources,
                new PacketInputSource.Request(
                        c.getEngineerId(), c.getId(), c.getCycle(), PacketInputs.audience(visit.roles())));
    }

    /** Freezes the packet as it is now (read as the committee reads it): the committee decides on this copy. */
    void freeze(PromotionCase c) {
        var packet = livePacket(c);
        c.freeze(json.writeValueAsString(new Packet(
                packet.ladderName(),
                packet.currentLevelKey(),
                packet.currentLevelTitle(),
                packet.targetLevelKey(),
                packet.targetLevelTitle(),
                packet.areas(),
                packet.readiness(),
                true,
                Instant.now(clock))));
    }

    private Packet packet(PromotionCase c) {
        if (c.getFrozenPacket() != null) {
            return json.readValue(c.getFrozenPacket(), Packet.class);
        }
        return livePacket(c);
    }

    private Packet livePacket(PromotionCase c) {
        var now = Instant.now(clock);
        var ladder = ladders.published(c.getLadderId()).orElse(null);
        if (ladder == null) {
            return PacketBuilder.empty(c.getCurrentLevelKey(), c.getTargetLevelKey(), now);
        }
        var narrativeMap = narratives.findByCase(c.getId()).stream()
                .collect(Collectors.toMap(PromotionNarrative::getAreaKey, PromotionNarrative::getBody));
        var notMetMap = notMets.findByCase(c.getId()).stream()
                .collect(Collectors.toMap(PromotionNotMet::getCompetencyKey, PromotionNotMet::getExplanation));
        var evidenceReadable = ladder.level(c.getTargetLevelKey()).isPresent();
        var engineer = directory.card(c.getEngineerId());
        if (!evidenceReadable
                || engineer.isEmpty()
                || !c.getLadderId().equals(engineer.get().ladderId())) {
            return PacketBuilder.build(
                    ladder,
                    c.getCurrentLevelKey(),
                    c.getTargetLevelKey(),
                    null,
                    List.of(),
                    narrativeMap,
                    notMetMap,
                    now);
        }
        var coverage = evidence.coverage(c.getEngineerId(), c.getTargetLevelKey());
        List<EvidenceRow> acknowledged = evidence.acknowledged(c.getEngineerId(), MAX_EVIDENCE);
        return PacketBuilder.build(
                ladder,
                c.getCurrentLevelKey(),
                c.getTargetLevelKey(),
                coverage,
                acknowledged,
                narrativeMap,
                notMetMap,
                now);
    }
}
