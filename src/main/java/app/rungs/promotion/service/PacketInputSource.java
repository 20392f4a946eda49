package app.rungs.promotion.service;

import java.util.Optional;

/**
 * A growth input shown next to the evidence of a promotion packet — in the packet view, its Markdown and PDF exports
 * and the calibration board's entry dialog — contributed by a feature the promotion feature must not depend on (the
 * latest agreed check-in, peer feedback, the growth plan). Each source is a Spring bean; the packet shows the
 * sections of all sources in {@link #order()}.
 *
 * <p><b>Security.</b> A source is not an entry point: it trusts its caller to have authorized the read. It is called
 * only by the promotion service after the signed-in user passed the case's read check (engineer, line manager,
 * reviewer, admin) and by the calibration service after the user passed the session's board check; no view may
 * depend on this interface (ArchitectureTest), and implementations are package-private {@code @Component}s so that
 * nothing but this interface reaches them. The caller tells the {@link Audience}; the source must leave out
 * everything that audience may not read (e.g. peer feedback the organization does not share with the engineer) and
 * return empty rather than a section that would reveal a hidden thing exists. Sources read in one or two statements
 * and never write.
 */
public interface PacketInputSource {

    /** Who will read the section. */
    enum Audience {
        /** The engineer's line manager, the case's reviewers, the committee and calibration participants, admins. */
        REVIEWERS,
        /** The engineer viewing or exporting their own packet. */
        ENGINEER
    }

    /**
     * The section for this engineer and audience, or empty when the source has nothing (to show) for them.
     *
     * @param request whose packet, for which case and cycle (either may be null), read by whom
     */
    Optional<PacketInputSection> section(Request request);

    /** Where the section goes among the others (lower first). */
    default int order() {
        return 100;
    }

    /**
     * What a packet asks its sources for.
     *
     * @param engineerId whose packet
     * @param caseId the promotion case, or null (a calibration entry without a case)
     * @param cycle the case's or session's cycle label (e.g. "2026-H2"), or null
     * @param audience who will read it
     */
    record Request(Long engineerId, Long caseId, String cycle, Audience audience) {}
}
