package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderFormat;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;

/** Download links for a version in every export format; the file is produced when the link is clicked. */
final class LadderDownloads extends Div {

    LadderDownloads(LadderFileService files, Long versionId) {
        addClassName("downloads");
        var label = new Span("Download");
        label.addClassName("downloads-label");
        add(VaadinIcon.DOWNLOAD_ALT.create(), label);
        for (var format : LadderFormat.values()) {
            var link = new Anchor(
                    DownloadHandler.fromInputStream(event -> {
                        var file = files.export(versionId, format);
                        return new DownloadResponse(
                                new ByteArrayInputStream(file.content()),
                                file.fileName(),
                                file.contentType(),
                                file.content().length);
                    }),
                    format == LadderFormat.MARKDOWN ? "Markdown" : format.name());
            link.getElement().setAttribute("title", format.label());
            link.setId("download-" + format.name().toLowerCase(Locale.ROOT));
            add(link);
        }
    }
}
