package app.rungs.people.ui;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.LevelHistoryEntry;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One person: profile, level history as a timeline, direct reports, and the tabs other features add through
 * {@link PersonPageTab}. Who may open which page is decided by {@link PeopleService#details}: anyone else's page
 * answers "not found".
 */
@Route("people/:id([0-9]{1,18})")
@PermitAll
@StyleSheet("styles/people.css")
public class PersonView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PeopleServices services;
    private final PeopleService people;
    private final AccountService accounts;
    private final List<PersonPageAction> extensionActions;
    private final List<PersonPageTab> extensionTabs;
    private final boolean admin;
    private String title = "Person";
    TabSheet tabs;
    PersonDetails person;
    /** "Scheduled: DSE-3 from 1 Mar 2027", one line per change still to come; hidden when there is none. */
    final Div scheduled = new Div();

    final List<Button> cancelScheduled = new java.util.ArrayList<>();
    Component levelCard;

    public PersonView(
            PeopleServices services,
            AccountService accounts,
            ObjectProvider<PersonPageTab> extensionTabs,
            ObjectProvider<PersonPageAction> extensionActions) {
        this.services = services;
        this.people = services.people();
        this.accounts = accounts;
        this.extensionActions = extensionActions.orderedStream().toList();
        this.extensionTabs = extensionTabs
                .orderedStream()
                .sorted(Comparator.comparingInt(PersonPageTab::order))
                .toList();
        this.admin = CurrentUser.require().has(Role.ADMIN);
        addClassNames("page", "person-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().getLong("id").orElse(null);
        try {
            person = people.details(id);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, "Person not found");
            return;
        }
        title = person.fullName();
        render();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void reload() {
        person = people.details(person.id());
        title = person.fullName();
        render();
    }

    private void render() {
        removeAll();
        var catalog = people.levelCatalog();
        add(header(catalog));
        add(scheduledChanges(catalog));
        tabs = new TabSheet();
        tabs.addClassName("person-tabs");
        var profile = new PersonProfilePanel(people, accounts, person, catalog, admin, this::reload);
        levelCard = profile.levelCard;
        tabs.add("Profile", profile);
        tabs.add("Level history (" + person.history().size() + ")", LevelHistoryTimeline.of(person, catalog));
        if (!person.directReports().isEmpty()) {
            tabs.add("Direct reports (" + person.directReports().size() + ")", DirectReportsList.of(person, catalog));
        }
        for (var tab : extensionTabs) {
            if (tab.isVisibleFor(person)) {
                tabs.add(tab.label(), tab.create(person));
            }
        }
        add(tabs);
    }

    // ---------------------------------------------------------------- header

    private Component header(LevelCatalog catalog) {
        var avatar = new Avatar(person.fullName());
        avatar.setAbbreviation(PersonRenderers.initials(person.fullName()));
        var name = new H1(person.fullName());
        var subtitle = new Span(String.join(
                " · ",
                List.of(
                                person.jobTitle() == null ? "" : person.jobTitle(),
                                person.teamName() == null ? "" : person.teamName())
                        .stream()
                        .filter(s -> !s.isEmpty())
                        .toList()));
        subtitle.addClassName("person-subtitle");
        var badges = new Div();
        badges.addClassName("person-badges");
        var level = catalog.find(person.ladderId(), person.levelKey());
        badges.add(PersonRenderers.levelBadge(
                person.levelKey(), level.map(LevelCatalog.LevelInfo::title).orElse(null)));
        level.ifPresent(l -> badges.add(new Span(l.title())));
        if (!person.active()) {
            badges.add(Badges.badge("Left " + Formats.date(person.leftDate()), "error"));
        }
        var heading = new Div(name, subtitle, badges);
        heading.addClassName("person-heading");
        var header = new Div(avatar, heading);
        header.addClassName("person-header");
        if (admin) {
            header.add(adminActions());
        }
        return header;
    }

    private Component adminActions() {
        var edit = new Button(
                "Edit", VaadinIcon.EDIT.create(), e -> new PersonFormDialog(services, person, id -> reload()).open());
        var level = new Button(
                "Change level",
                VaadinIcon.ARROW_UP.create(),
                e -> new LevelDialog(services.levels(), services.ladders(), List.of(), person, this::reload).open());
        level.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        level.setId("change-level");
        var manager = new Button(
                "Change manager",
                VaadinIcon.SITEMAP.create(),
                e -> new ManagerDialog(services, person, this::reload).open());
        var actions = new Div(edit, level, manager);
        actions.addClassName("person-actions");
        if (person.active()) {
            var deactivate = new Button(
                    "Deactivate",
                    VaadinIcon.BAN.create(),
                    e -> new DeactivateDialog(services.editing(), person, this::reload).open());
            deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(deactivate);
        } else if (extensionActions.stream().noneMatch(a -> a.closesRecord(person))) {
            var reactivate = new Button("Reactivate", VaadinIcon.REFRESH.create(), e -> confirmReactivate());
            reactivate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(reactivate);
        }
        for (var extension : extensionActions) {
            extension.actionsFor(person, this::reload).forEach(actions::add);
        }
        return actions;
    }

    // ---------------------------------------------------------------- scheduled changes

    private Component scheduledChanges(LevelCatalog catalog) {
        scheduled.removeAll();
        cancelScheduled.clear();
        scheduled.addClassName("scheduled-changes");
        scheduled.getElement().setAttribute("role", "status");
        for (var change : person.scheduledChanges()) {
            var text = new Span("Scheduled: " + change.levelKey() + " from " + Formats.date(change.effectiveDate()));
            text.addClassName("scheduled-text");
            var title = new Span(catalog.find(change.ladderId(), change.levelKey())
                            .map(LevelCatalog.LevelInfo::title)
                            .orElse(change.levelKey())
                    + " · " + change.reason().label());
            title.addClassName("muted");
            var line = new Div(VaadinIcon.CALENDAR_CLOCK.create(), text, title);
            line.addClassName("scheduled-change");
            if (admin) {
                var cancel = new Button("Cancel", e -> confirmCancel(change));
                cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                cancel.getElement()
                        .setAttribute(
                                "aria-label",
                                "Cancel the change to " + change.levelKey() + " scheduled for "
                                        + Formats.date(change.effectiveDate()));
                cancelScheduled.add(cancel);
                line.add(cancel);
            }
            scheduled.add(line);
        }
        scheduled.setVisible(!person.scheduledChanges().isEmpty());
        return scheduled;
    }

    private void confirmCancel(LevelHistoryEntry change) {
        Confirm.askDestructive(
                        "Cancel the change to " + change.levelKey() + "?",
                        person.fullName() + " stays at "
                                + (person.levelKey() == null ? "no level" : person.levelKey())
                                + " instead of moving to " + change.levelKey() + " on "
                                + Formats.date(change.effectiveDate())
                                + ". The cancellation is recorded in the audit log.",
                        "Cancel the change",
                        () -> {
                            if (Toasts.attempt(
                                    () -> services.levels().cancelScheduledLevelChange(person.id(), change.id()))) {
                                Toasts.success("The change to " + change.levelKey() + " was cancelled.");
                                reload();
                            }
                        })
                .setCancelText("Keep it");
    }

    private void confirmReactivate() {
        Confirm.ask(
                "Reactivate " + person.fullName() + "?",
                "They become active again. Their account stays disabled until you enable it under Account.",
                "Reactivate",
                () -> {
                    if (Toasts.attempt(() -> services.editing().reactivate(person.id(), person.version()))) {
                        Toasts.success(person.fullName() + " is active again.");
                        reload();
                    }
                });
    }
}
