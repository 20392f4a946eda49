package app.rungs.calibration.service;

import app.rungs.calibration.domain.Potential;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 9-box of a session: performance (the final rating, else the proposal) by potential, for the entries the user may
 * see ({@link SessionAccess}). A rating scale of any length folds into three bands: rating {@code i} of {@code n}
 * (from 0) is in band {@code ceil(3(i+1)/n) - 1}, so "Below, Meets, Exceeds, Greatly exceeds" is Low: Below, Medium:
 * Meets, High: Exceeds and Greatly exceeds.
 */
@Service
public class NineBoxes {

    private static final String[] BAND_LABELS = {"Low performance", "Medium performance", "High performance"};

    private final SessionAccess access;

    NineBoxes(SessionAccess access) {
        this.access = access;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public NineBox nineBox(Long sessionId) {
        var a = access.of(sessionId);
        if (!a.session().isPotentialRated()) {
            throw new ValidationException(
                    "This session does not rate potential, so it has no 9-box; the facilitator can switch it on.");
        }
        var scale = a.session().getRatingScale();
        var bands = new ArrayList<NineBox.Band>();
        for (int b = 0; b < 3; b++) {
            var ratings = new ArrayList<String>();
            for (int i = 0; i < scale.size(); i++) {
                if (band(i, scale.size()) == b) {
                    ratings.add(scale.get(i));
                }
            }
            bands.add(new NineBox.Band(b, BAND_LABELS[b], List.copyOf(ratings)));
        }
        var people = new ArrayList<List<NineBox.Person>>();
        for (int i = 0; i < 9; i++) {
            people.add(new ArrayList<>());
        }
        var unplaced = new ArrayList<NineBox.Person>();
        for (var e : access.visibleEntries(a).stream()
                .sorted(Comparator.comparing(BoardEntry::personName))
                .toList()) {
            var rating = e.finalRating() != null ? e.finalRating() : e.proposedRating();
            var person = new NineBox.Person(e.id(), e.personId(), e.personName(), rating, e.finalRating() == null);
            int index = rating == null ? -1 : scale.indexOf(rating);
            if (index < 0 || e.potential() == null) {
                unplaced.add(person);
            } else {
                people.get(e.potential().ordinal() * 3 + band(index, scale.size()))
                        .add(person);
            }
        }
        var cells = new ArrayList<NineBox.Cell>();
        var potentials = Potential.values();
        for (int p = potentials.length - 1; p >= 0; p--) {
            for (int b = 0; b < 3; b++) {
                cells.add(new NineBox.Cell(potentials[p], bands.get(b), List.copyOf(people.get(p * 3 + b))));
            }
        }
        return new NineBox(SessionAccess.details(a), List.copyOf(bands), List.copyOf(cells), List.copyOf(unplaced));
    }

    /** The performance band (0 low, 1 medium, 2 high) of rating {@code index} on a scale of {@code size} ratings. */
    static int band(int index, int size) {
        return (int) Math.ceil(3.0 * (index + 1) / size) - 1;
    }
}
