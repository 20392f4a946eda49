package app.rungs.calibration.ui;

import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/** The board's filters: team, level, manager, rating and "has a promotion case"; any change redraws the board. */
final class BoardFilters {

    final ComboBox<String> team = new ComboBox<>();
    final ComboBox<String> level = new ComboBox<>();
    final ComboBox<String> manager = new ComboBox<>();
    final ComboBox<String> rating = new ComboBox<>();
    final Checkbox hasCase = new Checkbox("Has a promotion case");
    private final Function<BoardEntry, String> currentRating;
    private final Predicate<BoardEntry> hasCaseHere;

    BoardFilters(Runnable changed, Function<BoardEntry, String> currentRating, Predicate<BoardEntry> hasCaseHere) {
        this.currentRating = currentRating;
        this.hasCaseHere = hasCaseHere;
        team.setPlaceholder("Team");
        team.setAriaLabel("Team");
        team.setId("filter-team");
        level.setPlaceholder("Level");
        level.setAriaLabel("Level");
        level.setId("filter-level");
        manager.setPlaceholder("Manager");
        manager.setAriaLabel("Manager");
        manager.setId("filter-manager");
        rating.setPlaceholder("Rating");
        rating.setAriaLabel("Rating");
        rating.setId("filter-rating");
        hasCase.setId("filter-has-case");
        for (var box : List.of(team, level, manager, rating)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> changed.run());
        }
        hasCase.addValueChangeListener(e -> changed.run());
    }

    Component bar() {
        var clear = new Button("Clear filters", e -> {
            team.clear();
            level.clear();
            manager.clear();
            rating.clear();
            hasCase.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var bar = new Div(team, level, manager, rating, hasCase, clear);
        bar.addClassName("filter-bar");
        return bar;
    }

    /** Offers the teams, levels, managers and ratings of the board, keeping what is chosen where it still exists. */
    void fill(Board board, Collection<BoardEntry> entries) {
        keepValue(
                team,
                entries.stream()
                        .map(BoardEntry::teamName)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        keepValue(level, board.levels().stream().map(Board.LevelGroup::levelKey).toList());
        keepValue(
                manager,
                entries.stream()
                        .map(BoardEntry::managerName)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        var ratings = new ArrayList<>(board.session().scale());
        ratings.add(DistributionChart.NOT_RATED);
        keepValue(rating, ratings);
    }

    private static void keepValue(ComboBox<String> box, List<String> items) {
        var value = box.getValue();
        box.setItems(items);
        if (value != null && items.contains(value)) {
            box.setValue(value);
        }
    }

    boolean matches(BoardEntry e) {
        if (team.getValue() != null && !team.getValue().equals(e.teamName())) {
            return false;
        }
        if (level.getValue() != null && !level.getValue().equals(e.levelKey())) {
            return false;
        }
        if (manager.getValue() != null && !manager.getValue().equals(e.managerName())) {
            return false;
        }
        if (rating.getValue() != null) {
            var current = currentRating.apply(e);
            if (DistributionChart.NOT_RATED.equals(rating.getValue())
                    ? current != null
                    : !rating.getValue().equals(current)) {
                return false;
            }
        }
        return !hasCase.getValue() || hasCaseHere.test(e);
    }
}
