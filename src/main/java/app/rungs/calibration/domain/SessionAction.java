package app.rungs.calibration.domain;

import static app.rungs.calibration.domain.SessionRole.ADMIN;
import static app.rungs.calibration.domain.SessionRole.FACILITATOR;
import static app.rungs.calibration.domain.SessionRole.PARTICIPANT;
import static app.rungs.calibration.domain.SessionStatus.IN_SESSION;
import static app.rungs.calibration.domain.SessionStatus.LOCKED;
import static app.rungs.calibration.domain.SessionStatus.PREPARING;
import static app.rungs.calibration.domain.SessionStatus.PUBLISHED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state machine of a calibration session, in one place: every action with the statuses it is taken in, the
 * status it leads to (null when the status stays) and who may take it.
 *
 * <p>The facilitator and admins lead a session (start, lock, reopen); publishing changes levels, so only admins
 * publish. The whole committee proposes while preparing, rates in session, and notes while either.
 */
public enum SessionAction {
    PROPOSE("propose", EnumSet.of(PREPARING), null, committee()),
    START("start", EnumSet.of(PREPARING), IN_SESSION, leads()),
    RATE("rate", EnumSet.of(IN_SESSION), null, committee()),
    NOTE("note", EnumSet.of(PREPARING, IN_SESSION), null, committee()),
    LOCK("lock", EnumSet.of(IN_SESSION), LOCKED, leads()),
    REOPEN("reopen", EnumSet.of(LOCKED), IN_SESSION, leads()),
    PUBLISH("publish", EnumSet.of(LOCKED), PUBLISHED, EnumSet.of(ADMIN)),
    EXPORT("export", EnumSet.allOf(SessionStatus.class), null, committee());

    private final String verb;
    private final Set<SessionStatus> from;
    private final SessionStatus to;
    private final Set<SessionRole> who;

    SessionAction(String verb, Set<SessionStatus> from, SessionStatus to, Set<SessionRole> who) {
        this.verb = verb;
        this.from = Collections.unmodifiableSet(from);
        this.to = to;
        this.who = Collections.unmodifiableSet(who);
    }

    private static Set<SessionRole> committee() {
        return EnumSet.of(ADMIN, FACILITATOR, PARTICIPANT);
    }

    private static Set<SessionRole> leads() {
        return EnumSet.of(ADMIN, FACILITATOR);
    }

    /** "start", "lock": for messages. */
    public String verb() {
        return verb;
    }

    public Set<SessionStatus> from() {
        return from;
    }

    /** The status the action leads to, or null when the status stays. */
    public SessionStatus to() {
        return to;
    }

    public Set<SessionRole> who() {
        return who;
    }

    public boolean changesStatus() {
        return to != null;
    }

    /** True when someone in one of these roles may take the action. */
    public boolean mayBeTakenBy(Set<SessionRole> roles) {
        return roles.stream().anyMatch(who::contains);
    }

    /** True when someone in these roles may take this action on a session in this status. */
    public boolean allows(SessionStatus status, Set<SessionRole> roles) {
        return from.contains(status) && mayBeTakenBy(roles);
    }

    /** Every action these roles may take on a session in this status. */
    public static Set<SessionAction> allowed(SessionStatus status, Set<SessionRole> roles) {
        var result = EnumSet.noneOf(SessionAction.class);
        for (var action : values()) {
            if (action.allows(status, roles)) {
                result.add(action);
            }
        }
        return result;
    }
}
