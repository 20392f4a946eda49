package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.PayBand;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * Admins' pay bands of a ladder version: the bands per level (editable in a draft) and whether engineers see the
 * bands of their own and next level. Every change goes through {@link LadderPayBandService}, which validates and
 * audits it.
 */
class PayBandsDialog extends Dialog {

    private final LadderPayBandService payBands;
    private final LadderContent content;
    private final boolean draft;
    final Grid<PayBand> grid = new Grid<>(PayBand.class, false);
    final Checkbox shown = new Checkbox("Engineers see the pay bands of their own and next level");
    final Select<LevelView> level = new Select<>();
    final TextField currency = new TextField("Currency");
    final NumberField min = new NumberField("Minimum");
    final NumberField mid = new NumberField("Midpoint");
    final NumberField max = new NumberField("Maximum");
    final DatePicker effective = new DatePicker("Effective from");
    final Paragraph problems = new Paragraph();
    private PayBand.Settings settings;

    PayBandsDialog(LadderPayBandService payBands, LadderContent content, boolean draft) {
        this.payBands = payBands;
        this.content = content;
        this.draft = draft;
        setHeaderTitle("Pay bands · version " + content.version().number());
        setId("pay-bands-dialog");
        setWidth("min(56rem, 96vw)");

        shown.setId("bands-shown");
        settings = payBands.settings(content.version().ladderId());
        shown.setValue(settings.shownToEngineers());
        shown.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != settings.shownToEngineers()) {
                changeVisibility(e.getValue());
            }
        });
        var intro = new Paragraph("Bands are optional and part of the version: they publish with it and are copied"
                + " into the next draft. Only admins see them unless the box below is ticked.");
        intro.addClassName("muted");
        add(intro, shown);
        if (settings.marketReference() != null) {
            var note = new Paragraph(settings.marketReference());
            note.addClassNames("pay-market-note", "muted");
            add(note);
        }

        grid.addColumn(PayBand::levelKey).setHeader("Level").setAutoWidth(true);
        grid.addColumn(PayBand::currency).setHeader("Currency").setAutoWidth(true);
        grid.addColumn(b -> PayBandSection.money(b.currency(), b.min())).setHeader("Minimum");
        grid.addColumn(b -> PayBandSection.money(b.currency(), b.mid())).setHeader("Midpoint");
        grid.addColumn(b -> PayBandSection.money(b.currency(), b.max())).setHeader("Maximum");
        grid.addColumn(b -> Formats.date(b.effectiveOn())).setHeader("Effective");
        if (draft) {
            grid.addComponentColumn(b -> {
                        var remove = new Button(VaadinIcon.TRASH.create(), e -> remove(b));
                        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                        remove.setAriaLabel("Remove the " + b.currency() + " band of " + b.levelKey());
                        return remove;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        grid.setAllRowsVisible(true);
        grid.setId("pay-band-grid");
        grid.setEmptyStateText("No pay bands in this version.");
        add(grid);

        if (draft) {
            add(form());
        } else {
            var hint = new Paragraph("This version is published and never changes; start a draft to edit its bands.");
            hint.addClassName("muted");
            add(hint);
        }
        getFooter().add(new Button("Close", e -> close()));
        reload();
    }

    private Div form() {
        level.setLabel("Level");
        level.setItems(content.levels());
        level.setItemLabelGenerator(l -> l.key() + " · " + l.title());
        level.setId("band-level");
        currency.setId("band-currency");
        currency.setMaxLength(3);
        currency.setPlaceholder("EUR");
        currency.setHelperText("ISO 4217");
        for (var f : new NumberField[] {min, mid, max}) {
            f.setMin(0);
            f.setStep(1);
        }
        min.setId("band-min");
        mid.setId("band-mid");
        max.setId("band-max");
        effective.setId("band-effective");
        effective.setValue(LocalDate.now());
        problems.addClassName("pay-problems");
        problems.setId("band-problems");
        var save = new Button("Save band", VaadinIcon.CHECK.create(), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("band-save");
        var form = new Div(level, currency, min, mid, max, effective, save);
        form.addClassName("pay-band-form");
        return new Div(form, problems);
    }

    private void edit(PayBand b) {
        content.level(b.levelKey()).ifPresent(level::setValue);
        currency.setValue(b.currency());
        min.setValue((double) b.min());
        mid.setValue((double) b.mid());
        max.setValue((double) b.max());
        effective.setValue(b.effectiveOn());
    }

    void save() {
        if (level.getValue() == null) {
            problems.setText("Choose the level the band is for.");
            return;
        }
        var input = new PayBand.Input(currency.getValue(), whole(min), whole(mid), whole(max), effective.getValue());
        try {
            payBands.saveBand(content.version().id(), level.getValue().key(), input);
            problems.setText("");
            Toasts.success("Saved the " + currency.getValue().strip().toUpperCase() + " band of "
                    + level.getValue().key());
            reload();
        } catch (ValidationException | NotFoundException e) {
            problems.setText(Toasts.message(e));
        }
    }

    private static Long whole(NumberField field) {
        return field.getValue() == null ? null : Math.round(field.getValue());
    }

    private void remove(PayBand b) {
        Confirm.askDestructive(
                "Remove the " + b.currency() + " band of " + b.levelKey() + "?",
                "The draft loses this band; the published version keeps it until you publish.",
                "Remove",
                () -> {
                    if (Toasts.attempt(
                            () -> payBands.removeBand(content.version().id(), b.levelKey(), b.currency()))) {
                        reload();
                    }
                });
    }

    private void changeVisibility(boolean value) {
        try {
            payBands.showBandsToEngineers(content.version().ladderId(), value, settings.version());
            Toasts.success(
                    value
                            ? "Engineers now see the pay bands of their own and next level."
                            : "Pay bands are now shown to admins only.");
        } catch (ConcurrentEditException e) {
            Toasts.error(e.getMessage());
        }
        settings = payBands.settings(content.version().ladderId());
        shown.setValue(settings.shownToEngineers());
    }

    private void reload() {
        var all = new ArrayList<PayBand>();
        payBands.bands(content.version().id()).values().forEach(all::addAll);
        grid.setItems(all);
    }

    boolean isDraft() {
        return draft;
    }
}
