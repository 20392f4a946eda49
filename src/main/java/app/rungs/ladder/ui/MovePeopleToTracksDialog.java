package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.TrackMoves;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a version dropped or renamed tracks: the people left on a track that no longer exists, each with the track
 * (or shared line) to move them to. Saving moves all of them or, on any problem, none.
 */
class MovePeopleToTracksDialog extends Dialog {

    final Map<Long, Select<String>> choices = new LinkedHashMap<>();
    final Button save = new Button("Move people");

    MovePeopleToTracksDialog(
            TrackMoves moves, LadderContent ladder, List<TrackMoves.Stranded> stranded, Runnable done) {
        setHeaderTitle("Move people to tracks");
        setWidth("min(44rem, 95vw)");
        var intro = new Paragraph("Version " + ladder.version().number() + " of "
                + ladder.version().ladderName()
                + " no longer has the tracks these people are on. Choose each one's path; their next level and"
                + " readiness follow it. Every move is audited.");
        intro.addClassName("muted");
        add(intro);
        var names = new LinkedHashMap<String, String>();
        ladder.tracks().forEach(t -> names.put(t.key(), t.name()));
        var rows = new Div();
        rows.addClassName("track-moves");
        for (var person : stranded) {
            var select = new Select<String>();
            select.setItems(names.keySet());
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption("Shared line (no track)");
            select.setItemLabelGenerator(k -> k == null ? "Shared line (no track)" : names.getOrDefault(k, k));
            select.setAriaLabel("New path of " + person.fullName());
            select.setId("track-move-" + person.personId());
            choices.put(person.personId(), select);
            var who = new Span(person.fullName() + " · " + person.levelKey() + " · was on " + person.trackKey());
            var row = new Div(who, select);
            row.addClassName("track-move-row");
            rows.add(row);
        }
        add(rows);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("track-moves-save");
        save.addClickListener(e -> {
            var map = new LinkedHashMap<Long, TrackMoves.Move>();
            for (var person : stranded) {
                map.put(
                        person.personId(),
                        new TrackMoves.Move(choices.get(person.personId()).getValue(), person.version()));
            }
            if (Toasts.attempt(() -> moves.move(ladder.version().ladderId(), map))) {
                Toasts.success("Moved " + map.size() + (map.size() == 1 ? " person." : " people."));
                close();
                done.run();
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
