package app.rungs.calibration.ui;

import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;

/** A row of the board: a tier, a level of it, or an engineer. Equal by key, so rows can be refreshed in place. */
final class BoardNode {
    final String key;
    final String tierName;
    final Board.LevelGroup level;
    BoardEntry entry;
    int count;

    BoardNode(String key, String tierName, Board.LevelGroup level, BoardEntry entry) {
        this.key = key;
        this.tierName = tierName;
        this.level = level;
        this.entry = entry;
    }

    boolean isEntry() {
        return entry != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoardNode other && other.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
