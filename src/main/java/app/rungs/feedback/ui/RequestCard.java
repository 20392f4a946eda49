package app.rungs.feedback.ui;

import app.rungs.feedback.service.AnswerView;
import app.rungs.feedback.service.Disclosure;
import app.rungs.feedback.service.RequestView;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** One request as the reader may see it: what was asked, by whom and when, each peer's status, the answers. */
final class RequestCard {

    private RequestCard() {}

    static Component of(RequestView v) {
        var card = new Div();
        card.addClassNames("card", "feedback-request");
        card.getElement().setAttribute("data-request", String.valueOf(v.requestId()));
        var title = new H3(v.topics());
        title.addClassName("card-title");
        var meta = Badges.muted("About " + v.subjectName() + " · asked by " + v.requesterName() + " · due "
                + Formats.date(v.deadline()) + (v.cycle() == null ? "" : " · " + v.cycle()));
        card.add(title, meta);
        var counts = Badges.muted(v.answered() + " of " + v.asked() + " answered"
                + (v.declined() > 0 ? ", " + v.declined() + " declined" : ""));
        counts.addClassName("feedback-counts");
        card.add(new Div(counts));
        if (!v.peers().isEmpty()) {
            var peers = new Div();
            peers.addClassName("feedback-peers");
            for (var p : v.peers()) {
                var chip = new Span(new Span(p.peerName() + " "), FeedbackBadges.status(p.status()));
                chip.addClassName("feedback-peer");
                if (p.declineReason() != null) {
                    chip.setTitle("Declined: " + p.declineReason());
                    chip.add(Badges.muted(" “" + p.declineReason() + "”"));
                }
                peers.add(chip);
            }
            card.add(peers);
        }
        if (v.notice() != null) {
            var notice = new Paragraph(v.notice());
            notice.addClassNames("muted", "feedback-notice");
            card.add(notice);
        }
        if (v.disclosure() == Disclosure.ANONYMIZED) {
            card.add(Badges.muted("Anonymized: no names, no dates, ordered by topic and content."));
        }
        card.add(answers(v.answers()));
        return card;
    }

    static Div answers(List<AnswerView> answers) {
        var list = new Div();
        list.addClassName("feedback-answers");
        for (var a : answers) {
            var item = new Div();
            item.addClassName("feedback-answer");
            var head = new Div(new Span(a.topicName()));
            head.addClassName("feedback-answer-topic");
            if (a.rating() != null) {
                head.add(Badges.badge(a.rating().label(), "primary"));
            }
            item.add(head, new Paragraph(a.examples()));
            for (var link : a.links()) {
                var anchor = new Anchor(link, link, AnchorTarget.BLANK);
                anchor.getElement().setAttribute("rel", "noopener noreferrer nofollow");
                item.add(new Div(anchor));
            }
            if (a.peerName() != null) {
                item.add(Badges.muted(
                        "— " + a.peerName() + (a.answeredAt() == null ? "" : " · " + Formats.date(a.answeredAt()))));
            }
            list.add(item);
        }
        return list;
    }
}
