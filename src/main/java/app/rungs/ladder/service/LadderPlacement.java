package app.rungs.ladder.service;

import java.util.Optional;

/**
 * Where the signed-in person stands: their ladder and level. The people feature implements it, so the ladder browser
 * can open the viewer's own ladder without depending on people.
 */
public interface LadderPlacement {

    record Placement(Long ladderId, String levelKey) {}

    Optional<Placement> mine();
}
