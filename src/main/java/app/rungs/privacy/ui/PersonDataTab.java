package app.rungs.privacy.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.privacy.service.ExportService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * The "Personal data" tab of a person page: "Download my data" on one's own page, and for admins the export of
 * anyone, optionally with the internal notes for reviewing a request. Managers get no tab on their reports' pages:
 * an export is the person's right, not their manager's.
 */
@org.springframework.stereotype.Component
class PersonDataTab implements PersonPageTab {

    private final ExportService exports;

    PersonDataTab(ExportService exports) {
        this.exports = exports;
    }

    @Override
    public String label() {
        return "Personal data";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        var me = CurrentUser.require();
        return person.id().equals(me.personId()) || me.has(Role.ADMIN);
    }

    @Override
    public Component create(PersonDetails person) {
        var me = CurrentUser.require();
        boolean self = person.id().equals(me.personId());
        var panel = new Panel();
        panel.setId("person-data-panel");
        if (self) {
            panel.add(new Paragraph("Download everything Rungs holds about you as a ZIP archive: your profile and"
                    + " account, level history, evidence with comments, revisions and attachments, promotion cases,"
                    + " calibration outcomes, notifications and the audit events about you. The archive explains"
                    + " its format in README.txt. Each download is recorded in the audit log."));
            panel.add(download("Download my data", "download-my-data", person.id(), false, true));
        } else {
            panel.add(new Paragraph("Export everything Rungs holds about " + person.fullName() + " (access or"
                    + " portability request). The standard export shows the data as " + person.fullName()
                    + " sees it in Rungs and can be handed over as it is."));
            panel.add(download("Download data export", "download-person-data", person.id(), false, true));
            var internal = new Paragraph("The export with internal notes adds an internal/ folder with committee"
                    + " notes, reviewers' comments and calibration notes, for reviewing a request. These hold other"
                    + " people's opinions: check them before disclosing anything. Each export is audited.");
            internal.addClassName("muted");
            panel.add(internal);
            panel.add(download(
                    "Download with internal notes", "download-person-data-internal", person.id(), true, false));
        }
        return panel;
    }

    /** The tab's content; carries the feature's stylesheet, since the person page does not load it. */
    @StyleSheet("styles/privacy.css")
    static final class Panel extends Div {
        Panel() {
            addClassName("person-data-panel");
        }
    }

    private Anchor download(String caption, String id, Long personId, boolean internal, boolean primary) {
        DownloadHandler handler = event -> {
            event.setFileName(exports.fileName(personId).replace(".zip", internal ? "-internal.zip" : ".zip"));
            event.setContentType("application/zip");
            exports.export(personId, internal, event.getOutputStream());
        };
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.setId(id);
        var button = new Button(caption, VaadinIcon.DOWNLOAD.create());
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        button.setTabIndex(-1);
        anchor.add(button);
        return anchor;
    }
}
