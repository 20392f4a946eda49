package app.rungs.people.ui;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderSummary;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;

/** A ladder (with a published version) and one of its levels. */
final class LevelPicker {

    final Select<LadderSummary> ladder = new Select<>();
    final ComboBox<LadderContent.LevelView> level = new ComboBox<>();
    private final LadderService ladders;

    LevelPicker(LadderService ladders) {
        this.ladders = ladders;
        var published = ladders.list().stream()
                .filter(l -> !l.retired() && l.publishedVersionId() != null)
                .toList();
        ladder.setLabel("Ladder");
        ladder.setItems(published);
        ladder.setItemLabelGenerator(LadderSummary::name);
        ladder.setEmptySelectionAllowed(false);
        level.setLabel("Level");
        level.setItemLabelGenerator(l -> l.key() + " · " + l.title());
        level.setPlaceholder("Choose a level");
        ladder.addValueChangeListener(e -> loadLevels(e.getValue()));
        if (!published.isEmpty()) {
            ladder.setValue(published.getFirst());
        }
    }

    private void loadLevels(LadderSummary summary) {
        level.clear();
        if (summary == null) {
            level.setItems(List.of());
            return;
        }
        level.setItems(
                ladders.published(summary.id()).map(LadderContent::levels).orElse(List.of()));
    }

    void select(Long ladderId, String levelKey) {
        if (ladderId == null) {
            return;
        }
        ladder.getListDataView()
                .getItems()
                .filter(l -> l.id().equals(ladderId))
                .findFirst()
                .ifPresent(ladder::setValue);
        level.getListDataView()
                .getItems()
                .filter(l -> Objects.equals(l.key(), levelKey))
                .findFirst()
                .ifPresent(level::setValue);
    }

    Long ladderId() {
        return ladder.getValue() == null ? null : ladder.getValue().id();
    }

    String levelKey() {
        return level.getValue() == null ? null : level.getValue().key();
    }
}
