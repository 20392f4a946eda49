package app.rungs.ladder.service;

import java.util.Map;

/**
 * How many people hold each level of a ladder. The people feature implements it; the ladder feature asks before
 * removing a level, without depending on people.
 */
public interface LevelOccupancy {
    Map<String, Long> holdersByLevel(Long ladderId);
}
