package app.rungs.promotion.ui;

import app.rungs.promotion.service.PacketInputSection;
import app.rungs.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** The growth inputs other features contribute to a packet (latest agreed check-in, peer feedback, growth plan). */
final class PacketInputCards {

    private PacketInputCards() {}

    static List<Component> of(List<PacketInputSection> sections) {
        return sections.stream().map(PacketInputCards::card).toList();
    }

    static Component card(PacketInputSection section) {
        var card = new Card(section.title());
        card.addClassName("packet-input");
        if (section.summary() != null) {
            var summary = new Paragraph(section.summary());
            summary.addClassNames("muted", "packet-input-summary");
            card.add(summary);
        }
        var list = new DescriptionList();
        list.addClassName("packet-input-items");
        for (var item : section.items()) {
            var value = new Div(new Span(item.text()));
            if (item.detail() != null) {
                var detail = new Span(item.detail());
                detail.addClassName("muted");
                value.add(detail);
            }
            list.add(new DescriptionList.Term(item.heading()), new DescriptionList.Description(value));
        }
        card.add(list);
        return card;
    }
}
