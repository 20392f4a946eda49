package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.PreRating;
import app.rungs.calibration.domain.PreRatingRepository;
import app.rungs.calibration.domain.SessionRole;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blind pre-ratings ("read, don't present"): before the session every participant rates the session's engineers on
 * their own. Until the facilitator starts the session, a pre-rating is read by its rater alone — not by the other
 * participants, the facilitator or admins, who see only how many each participant has given; people outside the
 * committee never learn the session exists. The start reveals them all at once, with the spread per engineer.
 *
 * <p>A participant rates every engineer of the session but themselves: the committee calibrates them all together,
 * and rating only one's own reports would leave nothing to compare.
 */
@Service
public class PreRatings {

    private final CalibrationEntryRepository entries;
    private final PreRatingRepository preRatings;
    private final SessionAccess access;
    private final SpreadReader spreads;
    private final Clock clock;

    PreRatings(
            CalibrationEntryRepository entries,
            PreRatingRepository preRatings,
            SessionAccess access,
            SpreadReader spreads,
            Clock clock) {
        this.entries = entries;
        this.preRatings = preRatings;
        this.access = access;
        this.spreads = spreads;
        this.clock = clock;
    }

    /** The pre-rating page: the engineers with the user's own pre-ratings, and everyone's progress as counts. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public PreRatingForm form(Long sessionId) {
        var a = access.of(sessionId);
        var all = entries.findBySession(sessionId);
        var me = a.me().personId();
        var rater = a.roles().contains(SessionRole.PARTICIPANT) && me != null;
        var rows = new ArrayList<PreRatingForm.Row>();
        if (rater) {
            var mine = new HashMap<Long, String>();
            preRatings.findByRater(sessionId, me).forEach(p -> mine.put(p.getEntryId(), p.getRating()));
            for (var e : all) {
                if (!e.getPersonId().equals(me)) {
                    rows.add(new PreRatingForm.Row(
                            e.getId(),
                            e.getPersonName(),
                            e.getTeamName(),
                            e.getLevelKey(),
                            e.getManagerName(),
                            mine.get(e.getId())));
                }
            }
        }
        var counts = new HashMap<Long, Integer>();
        for (var row : preRatings.countsByRater(sessionId)) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        var progress = a.participants().stream()
                .map(p -> new PreRatingForm.Progress(
                        p.getPersonId(), p.getPersonName(), counts.getOrDefault(p.getPersonId(), 0), (int) all.stream()
                                .filter(e -> !e.getPersonId().equals(p.getPersonId()))
                                .count()))
                .sorted(Comparator.comparing(PreRatingForm.Progress::participantName))
                .toList();
        return new PreRatingForm(
                SessionAccess.details(a), rater && a.session().getStatus() == SessionStatus.PREPARING, rows, progress);
    }

    /** Sets (or, with a blank rating, withdraws) the user's own pre-rating of an engineer, while the session prepares. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public String rate(Long sessionId, Long entryId, String rating) {
        var a = access.of(sessionId);
        var e = entries.findById(entryId)
                .filter(x -> x.getSessionId().equals(sessionId))
                .orElseThrow(SessionAccess::entryNotFound);
        var me = a.me().personId();
        if (!a.roles().contains(SessionRole.PARTICIPANT) || me == null) {
            throw new AccessDeniedException("Only the session's participants pre-rate its engineers.");
        }
        if (a.session().getStatus() != SessionStatus.PREPARING) {
            throw new ValidationException(
                    "The session has started, so pre-ratings are revealed and can no longer change.");
        }
        if (e.getPersonId().equals(me)) {
            throw new ValidationException("You are not rated in a session you take part in.");
        }
        var value = rating == null || rating.isBlank() ? null : rating.strip();
        if (value != null && !a.session().getRatingScale().contains(value)) {
            throw new ValidationException("Choose one of the ratings of this session: "
                    + String.join(", ", a.session().getRatingScale()) + ".");
        }
        var existing = preRatings.findOne(entryId, me);
        var now = Instant.now(clock);
        if (value == null) {
            existing.ifPresent(preRatings::delete);
        } else if (existing.isPresent()) {
            if (!Objects.equals(existing.get().getRating(), value)) {
                existing.get().rate(value, now);
            }
        } else {
            preRatings.save(new PreRating(sessionId, entryId, me, value, now));
        }
        preRatings.flush();
        return value;
    }

    /** Every pre-rating of the session with the spread per engineer (by entry id): only once the session started. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Map<Long, Spread> revealed(Long sessionId) {
        var a = access.of(sessionId);
        requireRevealed(a);
        return spreads.of(a, entries.findBySession(sessionId));
    }

    static void requireRevealed(Access a) {
        if (a.session().getStatus() == SessionStatus.PREPARING) {
            throw new ValidationException(
                    "Pre-ratings stay hidden until the facilitator starts the session; then they are revealed together.");
        }
    }
}
