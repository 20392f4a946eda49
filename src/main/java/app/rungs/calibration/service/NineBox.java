package app.rungs.calibration.service;

import app.rungs.calibration.domain.Potential;
import java.util.List;

/**
 * Performance × potential of a session's engineers, as the user may see them: three performance bands of the session's
 * rating scale (Low, Medium, High) by the three potentials, each cell with the people in it.
 *
 * @param bands the performance bands, lowest first, each with the ratings of the scale it holds
 * @param cells nine cells, highest potential first, then lowest performance first (the reading order of the grid)
 * @param unplaced engineers without a rating or a potential yet
 */
public record NineBox(SessionDetails session, List<Band> bands, List<Cell> cells, List<Person> unplaced) {

    public record Band(int index, String label, List<String> ratings) {}

    /** An engineer with the rating that placed them; {@code proposed} when no final rating exists yet. */
    public record Person(Long entryId, Long personId, String name, String rating, boolean proposed) {}

    public record Cell(Potential potential, Band band, List<Person> people) {}

    public Cell cell(Potential potential, int band) {
        return cells.stream()
                .filter(c -> c.potential() == potential && c.band().index() == band)
                .findFirst()
                .orElseThrow();
    }

    public int placed() {
        return cells.stream().mapToInt(c -> c.people().size()).sum();
    }
}
