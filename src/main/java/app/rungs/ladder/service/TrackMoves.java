package app.rungs.ladder.service;

import java.util.List;
import java.util.Map;

/**
 * People whose track a newly published version no longer has, and moving them to tracks it has. The people feature
 * implements it; the ladder page offers the move without depending on people.
 */
public interface TrackMoves {

    /** A person of the ladder on a track its published version does not have. */
    record Stranded(Long personId, String fullName, String levelKey, String trackKey, long version) {}

    /**
     * Where one person goes.
     *
     * @param trackKey a track of the published version, or null for its shared line
     * @param version the person's version as read with {@link #stranded}
     */
    record Move(String trackKey, long version) {}

    /** The ladder's people on tracks its published version does not have, by name. */
    List<Stranded> stranded(Long ladderId);

    /** Moves the people, all or none: every move is checked first, and any problem changes nothing. Audited. */
    void move(Long ladderId, Map<Long, Move> moves);
}
