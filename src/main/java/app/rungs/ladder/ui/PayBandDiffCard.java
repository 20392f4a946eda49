package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.PayBand;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** Pay band changes between two versions, in the version diff; admins only, like the bands themselves. */
final class PayBandDiffCard {

    private PayBandDiffCard() {}

    /** The changes the signed-in user may see: none unless they are an admin. */
    static List<PayBand.Change> changes(LadderPayBandService payBands, Long fromVersionId, Long toVersionId) {
        return CurrentUser.require().has(Role.ADMIN) ? payBands.diff(fromVersionId, toVersionId) : List.of();
    }

    static Card of(List<PayBand.Change> changes) {
        var list = new Div();
        list.addClassName("diff-list");
        for (var c : changes) {
            var variant = switch (c.kind()) {
                case "Added" -> "success";
                case "Removed" -> "error";
                default -> "primary";
            };
            var text = new Span(c.levelKey() + " · " + c.currency() + ": "
                    + (c.before() == null ? "" : c.before())
                    + (c.before() != null && c.after() != null ? " → " : "")
                    + (c.after() == null ? "" : c.after()));
            var line = new Div(Badges.badge(c.kind(), variant), text);
            line.addClassName("diff-line");
            list.add(line);
        }
        var card = new Card("Pay bands (admins only)", list);
        card.setId("pay-band-changes");
        return card;
    }
}
