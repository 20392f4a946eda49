package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.CalibrationSessionRepository;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionActionRefused;
import app.rungs.calibration.domain.SessionParticipant;
import app.rungs.calibration.domain.SessionParticipantRepository;
import app.rungs.calibration.domain.SessionRole;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.people.service.PeopleService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change what in a session. A session belongs to its committee: the facilitator, the participating
 * managers and admins; anyone else gets {@link NotFoundException}. While the session is PREPARING, a participant sees
 * and proposes only for the engineers of their own reporting line (the facilitator and admins see everyone); from the
 * session on, the whole committee sees every entry. The services of this package call it before anything else.
 */
@Component
class SessionAccess {

    private final CalibrationSessionRepository sessions;
    private final SessionParticipantRepository participants;
    private final CalibrationEntryRepository entries;
    private final PeopleService people;

    SessionAccess(
            CalibrationSessionRepository sessions,
            SessionParticipantRepository participants,
            CalibrationEntryRepository entries,
            PeopleService people) {
        this.sessions = sessions;
        this.participants = participants;
        this.entries = entries;
        this.people = people;
    }

    /** How the signed-in user relates to a session; throws not-found for anyone outside its committee. */
    Access of(Long sessionId) {
        var session = sessions.findById(sessionId).orElseThrow(SessionAccess::sessionNotFound);
        var me = CurrentUser.require();
        var list = participants.findBySession(sessionId);
        var roles = EnumSet.noneOf(SessionRole.class);
        if (me.has(Role.ADMIN)) {
            roles.add(SessionRole.ADMIN);
        }
        if (session.getFacilitatorUsername().equalsIgnoreCase(me.username())) {
            roles.add(SessionRole.FACILITATOR);
        }
        if (me.personId() != null && list.stream().anyMatch(p -> p.getPersonId().equals(me.personId()))) {
            roles.add(SessionRole.PARTICIPANT);
        }
        if (roles.isEmpty()) {
            throw sessionNotFound();
        }
        return new Access(session, list, me, Set.copyOf(roles));
    }

    void requireVisible(Access a, CalibrationEntry e) {
        if (!a.seesAll() && !people.canSee(e.getPersonId())) {
            throw entryNotFound();
        }
    }

    /** Turns a session's refusal into what the caller is told: not theirs to do, or not in this status. */
    static RuntimeException refused(SessionActionRefused refused) {
        return refused.byRole()
                ? new AccessDeniedException(refused.getMessage())
                : new ValidationException(refused.getMessage());
    }

    boolean mayPropose(Access a, CalibrationEntry e) {
        if (a.session().getStatus() != SessionStatus.PREPARING) {
            return false;
        }
        if (a.admin()) {
            return true;
        }
        var me = a.me().personId();
        return me != null
                && !me.equals(e.getPersonId())
                && (me.equals(e.getManagerId()) || people.canSee(e.getPersonId()));
    }

    List<CalibrationEntry> mayProposeFor(Access a, List<CalibrationEntry> all) {
        if (a.session().getStatus() != SessionStatus.PREPARING) {
            return List.of();
        }
        if (a.admin()) {
            return all;
        }
        var line = lineOf(a, all);
        return all.stream().filter(e -> line.contains(e.getPersonId())).toList();
    }

    /** Which of these entries' engineers are in the user's reporting line: one statement, not the whole line. */
    private Set<Long> lineOf(Access a, List<CalibrationEntry> among) {
        if (a.me().personId() == null || !a.me().has(Role.MANAGER)) {
            return Set.of();
        }
        return people.inMyLine(among.stream().map(CalibrationEntry::getPersonId).toList());
    }

    /** The entries of the session the user may see. */
    List<BoardEntry> visibleEntries(Access a) {
        var all = entries.findBySession(a.session().getId());
        if (a.seesAll()) {
            return all.stream().map(BoardEntry::of).toList();
        }
        var line = lineOf(a, all);
        return all.stream()
                .filter(e -> line.contains(e.getPersonId()))
                .map(BoardEntry::of)
                .toList();
    }

    /** The session's header with what the user may do in its current status. */
    static SessionDetails details(Access a) {
        var s = a.session();
        return new SessionDetails(
                s.getId(),
                s.getName(),
                s.getCycle(),
                s.getStatus(),
                s.getRatingScale(),
                s.getScopeTeamNames(),
                s.getScopeLevelKeys(),
                s.getFacilitatorName(),
                a.participants().stream().map(SessionParticipant::getPersonName).toList(),
                s.getCreatedAt(),
                s.getStartedAt(),
                s.getLockedAt(),
                s.getPublishedAt(),
                s.getEffectiveDate(),
                Set.copyOf(SessionAction.allowed(s.getStatus(), a.roles())),
                a.seesAll(),
                s.getVersion(),
                s.isPotentialRated());
    }

    static NotFoundException sessionNotFound() {
        return new NotFoundException("Calibration session not found");
    }

    static NotFoundException entryNotFound() {
        return new NotFoundException("Calibration entry not found");
    }
}
