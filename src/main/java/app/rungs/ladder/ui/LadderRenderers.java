package app.rungs.ladder.ui;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;

/** How the ladder screens show a version's status, keys, specializations and dates; built on the shared badges. */
final class LadderRenderers {

    static final String STYLES = "styles/ladders.css";

    private LadderRenderers() {}

    static Span statusBadge(VersionStatus status, int number) {
        return switch (status) {
            case DRAFT -> Badges.badge("Draft · version " + number, "warning");
            case PUBLISHED -> Badges.badge("Published · version " + number, "success");
            case RETIRED -> Badges.badge("Superseded · version " + number, "");
        };
    }

    static Span keyBadge(String key) {
        var badge = Badges.badge(key, "primary");
        badge.addClassName("key-badge");
        return badge;
    }

    static Div specializations(List<SpecializationTrack> tracks) {
        var box = new Div();
        box.addClassName("spec-badges");
        tracks.forEach(t -> box.add(Badges.badge(t.label(), "spec")));
        return box;
    }

    static String date(Instant instant) {
        return Formats.date(instant);
    }

    /** "Version 3 · published 12 May 2026 · 6 levels · 45 competencies". */
    static String versionLine(LadderContent content) {
        var v = content.version();
        var sb = new StringBuilder("Version ").append(v.number());
        if (v.status() == VersionStatus.DRAFT) {
            sb.append(" · draft started ").append(date(v.createdAt()));
        } else if (v.publishedAt() != null) {
            sb.append(" · published ").append(date(v.publishedAt()));
        }
        sb.append(" · ").append(content.levels().size()).append(content.levels().size() == 1 ? " level" : " levels");
        sb.append(" · ")
                .append(content.competencies().size())
                .append(content.competencies().size() == 1 ? " competency" : " competencies");
        return sb.toString();
    }
}
