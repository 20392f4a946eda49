package app.rungs.calibration.ui;

import app.rungs.calibration.service.EntryInputs;
import app.rungs.promotion.service.PacketInputSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinService;

/**
 * The engineer's growth inputs (latest agreed check-in, peer feedback, growth plan) in the entry dialog, next to
 * the proposal. Looks its service up itself so that the board's constructor, which other changes touch, stays as is.
 */
final class EntryInputSections {

    private EntryInputSections() {}

    static Component of(Long entryId) {
        var inputs = VaadinService.getCurrent().getInstantiator().getOrCreate(EntryInputs.class);
        var box = new Div();
        box.setId("entry-inputs");
        box.addClassName("entry-inputs");
        for (var section : inputs.forEntry(entryId)) {
            box.add(section(section));
        }
        box.setVisible(box.getComponentCount() > 0);
        return box;
    }

    private static Component section(PacketInputSection section) {
        var title = new H3(section.title());
        title.addClassName("entry-section-title");
        var wrap = new Div(title);
        wrap.addClassName("entry-input");
        if (section.summary() != null) {
            var summary = new Paragraph(section.summary());
            summary.addClassNames("entry-sub");
            wrap.add(summary);
        }
        var list = new DescriptionList();
        list.addClassName("entry-input-items");
        for (var item : section.items()) {
            var value = new Div(new Span(item.text()));
            if (item.detail() != null) {
                var detail = new Span(" — " + item.detail());
                detail.addClassName("muted");
                value.add(detail);
            }
            list.add(new DescriptionList.Term(item.heading()), new DescriptionList.Description(value));
        }
        wrap.add(list);
        return wrap;
    }
}
