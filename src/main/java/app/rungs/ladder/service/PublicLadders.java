package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.Ladder;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public framework site: an admin opens a ladder's published version to anonymous visitors at
 * /framework/&lt;slug&gt; (and as JSON at /api/v1/public/ladders/&lt;slug&gt;). Only the framework is public, never
 * anything about people: {@link #framework} hands out the published {@link LadderContent}, whose only names of people
 * (who created and published the version) the public views leave out.
 */
@Service
public class PublicLadders {

    static final int MAX_SLUG = 60;

    private final LadderRepository ladders;
    private final LadderVersionRepository versions;
    private final LadderContentLoader loader;
    private final AuditService audit;
    private final Clock clock;

    PublicLadders(
            LadderRepository ladders,
            LadderVersionRepository versions,
            LadderContentLoader loader,
            AuditService audit,
            Clock clock) {
        this.ladders = ladders;
        this.versions = versions;
        this.loader = loader;
        this.audit = audit;
        this.clock = clock;
    }

    /** The published version of a public ladder; empty when there is no such public ladder (answered as 404). */
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public Optional<LadderContent> framework(String slug) {
        if (slug == null || slug.length() > MAX_SLUG || !slug.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        return ladders.findPublicBySlug(slug)
                .flatMap(l -> versions.findByLadderAndStatus(l.getId(), VersionStatus.PUBLISHED))
                .map(loader::load);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, PublicSite> sites() {
        return ladders.findAll().stream()
                .map(PublicLadders::site)
                .collect(Collectors.toMap(PublicSite::ladderId, Function.identity()));
    }

    /** Opens the ladder's published version to anonymous visitors. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PublicSite makePublic(Long ladderId) {
        var ladder = ladder(ladderId);
        if (ladder.isRetired()) {
            throw new ValidationException("A retired ladder cannot be made public.");
        }
        if (versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED).isEmpty()) {
            throw new ValidationException("Publish a version of " + ladder.getName() + " before making it public.");
        }
        if (ladder.isPublic()) {
            return site(ladder);
        }
        ladder.makePublic(freeSlug(ladder), Instant.now(clock));
        ladders.flush();
        audit.record(
                "LADDER_MADE_PUBLIC",
                "Ladder",
                ladder.getId(),
                "Made " + ladder.getName() + " public at /framework/" + ladder.getPublicSlug(),
                Map.of("public", false),
                Map.of("public", true, "slug", ladder.getPublicSlug()));
        return site(ladder);
    }

    /** Closes the public page and JSON of the ladder at once; both answer "not found" afterwards. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PublicSite withdraw(Long ladderId) {
        var ladder = ladder(ladderId);
        if (!ladder.isPublic()) {
            return site(ladder);
        }
        ladder.withdrawPublic();
        ladders.flush();
        audit.record(
                "LADDER_PUBLIC_WITHDRAWN",
                "Ladder",
                ladder.getId(),
                "Withdrew the public page of " + ladder.getName() + " (/framework/" + ladder.getPublicSlug() + ")",
                Map.of("public", true, "slug", ladder.getPublicSlug()),
                Map.of("public", false));
        return site(ladder);
    }

    private Ladder ladder(Long ladderId) {
        return ladders.findById(ladderId == null ? -1L : ladderId)
                .orElseThrow(() -> new NotFoundException("Ladder not found"));
    }

    private static PublicSite site(Ladder l) {
        return new PublicSite(l.getId(), l.isPublic(), l.getPublicSlug(), l.getPublicSince());
    }

    private String freeSlug(Ladder ladder) {
        if (ladder.getPublicSlug() != null) {
            return ladder.getPublicSlug();
        }
        var base = slugOf(ladder.getName());
        if (base.isEmpty()) {
            base = "ladder";
        }
        var slug = base;
        if (ladders.existsByPublicSlug(slug)) {
            slug = base + "-" + ladder.getId();
        }
        return slug;
    }

    /** "Engineering (Backend) ladder" -> "engineering-backend-ladder": ASCII letters, digits and single dashes. */
    static String slugOf(String name) {
        var ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        var slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG - 12) {
            slug = slug.substring(0, MAX_SLUG - 12).replaceAll("-+$", "");
        }
        return slug;
    }
}
