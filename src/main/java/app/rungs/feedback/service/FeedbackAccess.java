package app.rungs.feedback.service;

import app.rungs.feedback.domain.FeedbackAsk;
import app.rungs.feedback.domain.FeedbackAskRepository;
import app.rungs.feedback.domain.FeedbackRequest;
import app.rungs.feedback.domain.FeedbackRequestRepository;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonOption;
import app.rungs.promotion.service.CaseReaders;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The who-reads-what rules of peer feedback, in one place for every feedback service. An admin role alone grants
 * nothing: feedback is for the engineer's line and their case's readers, not for whoever runs the system.
 */
@Component
class FeedbackAccess {

    private final PeopleService people;
    private final CaseReaders caseReaders;
    private final FeedbackRequestRepository requests;
    private final FeedbackAskRepository asks;

    FeedbackAccess(
            PeopleService people,
            CaseReaders caseReaders,
            FeedbackRequestRepository requests,
            FeedbackAskRepository asks) {
        this.people = people;
        this.caseReaders = caseReaders;
        this.requests = requests;
        this.asks = asks;
    }

    static Long me() {
        return CurrentUser.require().personId();
    }

    /** True when the signed-in user manages the person, directly or higher up their reporting chain. */
    boolean managesAbove(Long personId) {
        var user = CurrentUser.require();
        var me = user.personId();
        if (me == null || personId == null || me.equals(personId) || !user.has(Role.MANAGER)) {
            return false;
        }
        if (!user.has(Role.ADMIN)) {
            // For a manager who is not an admin, seeing a person means the person is in their reporting line.
            return people.canSee(personId);
        }
        return people.managerChain(personId).stream().map(PersonOption::id).anyMatch(me::equals);
    }

    /** Whether the signed-in user reads answers about this engineer with names, whoever asked. */
    boolean readsAttributed(Long subjectId) {
        return managesAbove(subjectId) || caseReaders.reviewsOrCalibrates(subjectId);
    }

    /** How the signed-in user relates to one request. */
    Reader reader(FeedbackRequest r) {
        var me = me();
        if (me == null) {
            return Reader.OUTSIDER;
        }
        if (me.equals(r.getSubjectId())) {
            return Reader.SUBJECT;
        }
        if (me.equals(r.getRequesterId()) || readsAttributed(r.getSubjectId())) {
            return Reader.ATTRIBUTED;
        }
        return asks.findByRequestIdOrderById(r.getId()).stream().anyMatch(a -> me.equals(a.getPeerId()))
                ? Reader.PEER
                : Reader.OUTSIDER;
    }

    /** The signed-in peer's own part of a request; not found for anyone else, so ids confirm nothing. */
    FeedbackAsk ownAsk(Long askId) {
        var me = me();
        var ask = askId == null ? null : asks.findById(askId).orElse(null);
        if (ask == null || me == null || !me.equals(ask.getPeerId())) {
            throw notFound();
        }
        return ask;
    }

    FeedbackRequest request(Long id) {
        return requests.findById(id).orElseThrow(FeedbackAccess::notFound);
    }

    static NotFoundException notFound() {
        return new NotFoundException("Feedback request not found");
    }
}
