package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.PayBand;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * A level's pay on its level page: the company bands, or where there are none the ladder's cited market reference.
 * Shown only to readers the service allows (admins; engineers for their own and next level when the ladder says so).
 */
class PayBandSection extends Div {

    PayBandSection(PayBand.LevelPay pay) {
        addClassName("pay-bands");
        setId("pay-bands");
        var heading = new H3("Pay band");
        heading.addClassName("pay-bands-title");
        add(heading);
        if (pay.bands().isEmpty()) {
            add(new Paragraph("No company pay band is set for " + pay.levelKey() + "."));
        }
        for (var band : pay.bands()) {
            add(band(band));
        }
        if (pay.marketReference() != null && !pay.marketReference().isBlank()) {
            var note = new Paragraph(pay.marketReference());
            note.addClassNames("pay-market-note", "muted");
            note.setId("pay-market-note");
            add(note);
        }
    }

    private static Div band(PayBand b) {
        var range = new Span(money(b.currency(), b.min()) + " – " + money(b.currency(), b.max()));
        range.addClassName("pay-range");
        var mid = new Span("midpoint " + money(b.currency(), b.mid()));
        mid.addClassName("pay-mid");
        var since = new Span("effective " + Formats.date(b.effectiveOn()));
        since.addClassName("muted");
        var row = new Div(range, mid, since);
        row.addClassName("pay-band");
        row.setId("pay-band-" + b.currency());
        return row;
    }

    /** "€95,000", "US$124,200" style: whole units in the band's currency. */
    static String money(String currency, long amount) {
        var format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(Currency.getInstance(currency));
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format.format(amount);
    }

    /** The section for this reader, or null when they may not see the level's pay. */
    static PayBandSection forReader(LadderPayBandService payBands, Long versionId, String levelKey) {
        return payBands.mayRead(versionId, levelKey)
                ? new PayBandSection(payBands.levelPay(versionId, levelKey))
                : null;
    }
}
