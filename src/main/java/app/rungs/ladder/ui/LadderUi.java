package app.rungs.ladder.ui;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderFormat;
import app.rungs.ladder.service.LadderService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Small building blocks shared by the ladder screens. */
final class LadderUi {

    static final String STYLES = "styles/ladders.css";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private LadderUi() {}

    static Span badge(String text, String variant) {
        var badge = new Span(text);
        badge.addClassName("badge");
        if (variant != null && !variant.isBlank()) {
            badge.addClassNames(variant.split(" "));
        }
        return badge;
    }

    static Span statusBadge(VersionStatus status, int number) {
        return switch (status) {
            case DRAFT -> badge("Draft · version " + number, "warning");
            case PUBLISHED -> badge("Published · version " + number, "success");
            case RETIRED -> badge("Superseded · version " + number, "");
        };
    }

    static Span keyBadge(String key) {
        var badge = badge(key, "primary");
        badge.addClassName("key-badge");
        return badge;
    }

    static Div specializations(List<SpecializationTrack> tracks) {
        var box = new Div();
        box.addClassName("spec-badges");
        tracks.forEach(t -> box.add(badge(t.label(), "spec")));
        return box;
    }

    static String date(java.time.Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(ZoneId.systemDefault()));
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

    /** Download links for a version in every export format. */
    static Div downloads(LadderService ladders, Long versionId) {
        var box = new Div();
        box.addClassName("downloads");
        var label = new Span("Download");
        label.addClassName("downloads-label");
        box.add(VaadinIcon.DOWNLOAD_ALT.create(), label);
        for (var format : LadderFormat.values()) {
            var link = new Anchor(
                    DownloadHandler.fromInputStream(event -> {
                        var file = ladders.export(versionId, format);
                        return new DownloadResponse(
                                new ByteArrayInputStream(file.content()),
                                file.fileName(),
                                file.contentType(),
                                file.content().length);
                    }),
                    format == LadderFormat.MARKDOWN ? "Markdown" : format.name());
            link.getElement().setAttribute("title", format.label());
            link.setId("download-" + format.name().toLowerCase(Locale.ROOT));
            box.add(link);
        }
        return box;
    }

    /**
     * Runs a service call and turns refusals into a visible message: validation problems, concurrent edits and
     * missing objects. Returns true when the call went through.
     */
    static boolean attempt(Runnable action) {
        return attempt(action, null);
    }

    static boolean attempt(Runnable action, Consumer<ConcurrentEditException> onConflict) {
        try {
            action.run();
            return true;
        } catch (ValidationException e) {
            error(String.join("\n", e.problems()));
        } catch (ConcurrentEditException e) {
            error(e.getMessage());
            if (onConflict != null) {
                onConflict.accept(e);
            }
        } catch (NotFoundException e) {
            error(e.getMessage());
        }
        return false;
    }

    static void error(String message) {
        var n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String message) {
        var n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A list of problems, for dialogs that keep the user's input while they fix it. */
    static Component problems(List<String> problems) {
        var list = new UnorderedList();
        list.addClassName("problem-list");
        problems.forEach(p -> list.add(new ListItem(p)));
        return list;
    }

    static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("muted");
        return span;
    }
}
