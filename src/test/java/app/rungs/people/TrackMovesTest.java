package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.TrackMoves;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * When a new ladder version no longer has the track people are on, an admin moves them to its tracks: all or none,
 * each move audited, and only admins.
 */
@IntegrationTest
class TrackMovesTest {

    @Autowired
    TrackMoves moves;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvidenceService evidence;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    EvidenceFixtures fx;
    Long first;
    Long second;
    Long ladderId;

    @BeforeEach
    void twoPeopleOnATrackTheLadderDropped() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        first = fx.personOf(fx.newEngineer("Track Gone One", "DSE-2"));
        second = fx.personOf(fx.newEngineer("Track Gone Two", "DSE-2"));
        jdbc.update("update person set track_key = 'RETIRED-TRACK' where id in (?, ?)", first, second);
        ladderId = fx.as(DemoUsers.ADMIN, () -> people.details(first).ladderId());
    }

    private String trackOf(Long id) {
        return fx.as(DemoUsers.ADMIN, () -> people.details(id).trackKey());
    }

    private long versionOf(Long id) {
        return fx.as(DemoUsers.ADMIN, () -> people.details(id).version());
    }

    @Test
    void anAdminSeesWhoIsStrandedAndMovesThemWithAnAuditEntryEach() {
        var stranded = fx.as(DemoUsers.ADMIN, () -> moves.stranded(ladderId));
        assertThat(stranded).extracting(TrackMoves.Stranded::personId).contains(first, second);
        var map = new LinkedHashMap<Long, TrackMoves.Move>();
        map.put(first, new TrackMoves.Move(null, versionOf(first)));
        map.put(second, new TrackMoves.Move(null, versionOf(second)));

        fx.run(DemoUsers.ADMIN, () -> moves.move(ladderId, map));

        assertThat(trackOf(first)).isNull();
        assertThat(trackOf(second)).isNull();
        assertThat(fx.as(DemoUsers.ADMIN, () -> moves.stranded(ladderId)))
                .extracting(TrackMoves.Stranded::personId)
                .doesNotContain(first, second);
        var entries = fx.as(
                DemoUsers.ADMIN,
                () -> audit.find(
                        new AuditFilter(null, "PERSON_TRACK_MOVED", null, "Track Gone", null, null),
                        PageRequest.of(0, 10)));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void oneBadMoveMovesNobody() {
        var map = new LinkedHashMap<Long, TrackMoves.Move>();
        map.put(first, new TrackMoves.Move(null, versionOf(first)));
        map.put(second, new TrackMoves.Move("NO-SUCH-TRACK", versionOf(second)));

        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> moves.move(ladderId, map)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("\"NO-SUCH-TRACK\" is not a track of");

        assertThat(trackOf(first)).isEqualTo("RETIRED-TRACK");
        assertThat(trackOf(second)).isEqualTo("RETIRED-TRACK");
    }

    @Test
    void aManagerCannotMovePeople() {
        var map = new LinkedHashMap<Long, TrackMoves.Move>();
        map.put(first, new TrackMoves.Move(null, versionOf(first)));
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> moves.move(ladderId, map)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> moves.stranded(ladderId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(trackOf(first)).isEqualTo("RETIRED-TRACK");
    }
}
