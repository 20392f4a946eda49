package app.rungs.people.ui;

import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.LevelHistoryEntry;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonRow;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.AccountSummary;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
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

    private final PeopleService people;
    private final LadderService ladders;
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
            PeopleService people,
            LadderService ladders,
            AccountService accounts,
            ObjectProvider<PersonPageTab> extensionTabs,
            ObjectProvider<PersonPageAction> extensionActions) {
        this.people = people;
        this.ladders = ladders;
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
        tabs.add("Profile", profile(catalog));
        tabs.add("Level history (" + person.history().size() + ")", history(catalog));
        if (!person.directReports().isEmpty()) {
            tabs.add("Direct reports (" + person.directReports().size() + ")", reports(catalog));
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
        avatar.setAbbreviation(PeopleUi.initials(person.fullName()));
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
        badges.add(PeopleUi.levelBadge(
                person.levelKey(), level.map(LevelCatalog.LevelInfo::title).orElse(null)));
        level.ifPresent(l -> badges.add(new Span(l.title())));
        if (!person.active()) {
            var left = new Span("Left " + Formats.date(person.leftDate()));
            left.addClassNames("badge", "error");
            badges.add(left);
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
                "Edit",
                VaadinIcon.EDIT.create(),
                e -> new PersonFormDialog(people, ladders, person, id -> reload()).open());
        var level = new Button(
                "Change level",
                VaadinIcon.ARROW_UP.create(),
                e -> new LevelDialog(people, ladders, List.of(), person, this::reload).open());
        level.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var manager = new Button(
                "Change manager",
                VaadinIcon.SITEMAP.create(),
                e -> new ManagerDialog(people, person, this::reload).open());
        var actions = new Div(edit, level, manager);
        actions.addClassName("person-actions");
        if (person.active()) {
            var deactivate = new Button(
                    "Deactivate",
                    VaadinIcon.BAN.create(),
                    e -> new DeactivateDialog(people, person, this::reload).open());
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
        var dialog = new ConfirmDialog(
                "Cancel the change to " + change.levelKey() + "?",
                person.fullName() + " stays at " + (person.levelKey() == null ? "no level" : person.levelKey())
                        + " instead of moving to " + change.levelKey() + " on " + Formats.date(change.effectiveDate())
                        + ". The cancellation is recorded in the audit log.",
                "Cancel the change",
                e -> {
                    try {
                        people.cancelScheduledLevelChange(person.id(), change.id());
                        Notification.show("The change to " + change.levelKey() + " was cancelled.")
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        reload();
                    } catch (ValidationException | ConcurrentEditException ex) {
                        Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void confirmReactivate() {
        var dialog = new ConfirmDialog(
                "Reactivate " + person.fullName() + "?",
                "They become active again. Their account stays disabled until you enable it under Account.",
                "Reactivate",
                e -> {
                    try {
                        people.reactivate(person.id(), person.version());
                        Notification.show(person.fullName() + " is active again.")
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        reload();
                    } catch (ValidationException | ConcurrentEditException ex) {
                        Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
        dialog.setCancelable(true);
        dialog.open();
    }

    // ---------------------------------------------------------------- profile

    private Component profile(LevelCatalog catalog) {
        var list = new Div();
        list.addClassName("facts");
        fact(list, "Email", new Span(person.email()));
        fact(list, "Job title", new Span(orDash(person.jobTitle())));
        fact(list, "Team", new Span(orDash(person.teamName())));
        fact(list, "Manager", managerLink());
        fact(
                list,
                "Started",
                new Span(
                        person.startDate() == null
                                ? "—"
                                : Formats.date(person.startDate()) + " ("
                                        + Formats.tenure(person.startDate(), LocalDate.now()) + ")"));
        if (!person.active()) {
            fact(list, "Left", new Span(Formats.date(person.leftDate())));
        }
        fact(list, "Specialization", new Span(PeopleUi.specialization(person.specialization())));
        var axes = new Div();
        axes.addClassName("axis-list");
        axis(axes, person.scopeAxis() == null ? null : person.scopeAxis().label());
        axis(axes, person.focusAxis() == null ? null : person.focusAxis().label());
        axis(
                axes,
                person.communityAxis() == null ? null : person.communityAxis().label());
        fact(list, "Decision axes", axes.getChildren().findAny().isPresent() ? axes : new Span("—"));

        levelCard = levelCard(catalog);
        var grid = new Div(new Card("About", list), levelCard);
        grid.addClassName("profile-grid");
        if (admin) {
            grid.add(accountCard());
        }
        return grid;
    }

    private Component managerLink() {
        if (person.managerId() == null) {
            return new Span("None (top of the organization)");
        }
        return people.canSee(person.managerId())
                ? PeopleUi.personLink(person.managerId(), person.managerName())
                : new Span(person.managerName());
    }

    private Component levelCard(LevelCatalog catalog) {
        if (person.levelKey() == null) {
            return new Card("Current level", new Paragraph("Not placed on a ladder yet."));
        }
        var level = catalog.find(person.ladderId(), person.levelKey());
        var badge = new Div(new Span(person.levelKey()));
        badge.addClassName("level-badge-large");
        var title = new H3(level.map(LevelCatalog.LevelInfo::title).orElse(person.levelKey()));
        var meta = new Paragraph(
                level.map(l -> l.ladderName() + " · " + l.tierName()).orElse("")
                        + " · " + Formats.timeInLevel(person.levelSince(), LocalDate.now())
                        + (person.levelSince() != null && person.levelSince().isBefore(LocalDate.now())
                                ? " (since " + Formats.date(person.levelSince()) + ")"
                                : ""));
        meta.addClassName("muted");
        var card = new Card("Current level", new Div(badge, new Div(title, meta)));
        card.addClassName("level-card");
        return card;
    }

    private Component accountCard() {
        var account = accounts.findByPersonId(person.id()).orElse(null);
        var list = new Div();
        list.addClassName("facts");
        Button action;
        if (account == null) {
            list.add(new Paragraph("No account: " + person.fullName() + " cannot sign in."));
            action = new Button("Create account", VaadinIcon.PLUS.create(), e -> openAccount(null));
        } else {
            fact(list, "Username", new Span(account.username()));
            var roles = new Div();
            roles.addClassName("axis-list");
            account.roles().stream().sorted().forEach(r -> {
                var badge = new Span(r.label());
                badge.addClassNames("badge", r == Role.ADMIN ? "warning" : "primary");
                roles.add(badge);
            });
            fact(list, "Roles", roles);
            var status = new Span(account.enabled() ? "Can sign in" : "Disabled");
            status.addClassNames("badge", account.enabled() ? "success" : "error");
            fact(list, "Status", status);
            fact(
                    list,
                    "Last sign-in",
                    new Span(account.lastLoginAt() == null ? "Never" : Formats.dateTime(account.lastLoginAt())));
            action = new Button("Edit account", VaadinIcon.KEY.create(), e -> openAccount(account));
        }
        action.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new Card("Account", list, action);
    }

    private void openAccount(AccountSummary account) {
        new AccountDialog(accounts, person, account, this::reload).open();
    }

    private static void fact(Div list, String label, Component value) {
        var dt = new Div(new Span(label));
        dt.getElement().setAttribute("role", "term");
        dt.addClassName("fact-label");
        var dd = new Div(value);
        dd.addClassName("fact-value");
        list.add(dt, dd);
    }

    private static void axis(Div axes, String label) {
        if (label != null) {
            var badge = new Span(label);
            badge.addClassName("badge");
            axes.add(badge);
        }
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    // ---------------------------------------------------------------- history

    private Component history(LevelCatalog catalog) {
        if (person.history().isEmpty()) {
            return new Card("Level history", new Paragraph("No level has been assigned yet."));
        }
        var timeline = new UnorderedList();
        timeline.addClassName("timeline");
        boolean first = true;
        for (LevelHistoryEntry h : person.history()) {
            var item = new ListItem();
            item.addClassName("timeline-entry");
            boolean current = !h.scheduled() && first;
            if (current) {
                item.addClassName("current");
            }
            if (h.scheduled()) {
                item.addClassName("scheduled");
            }
            var date = new Span(Formats.date(h.effectiveDate())
                    + (current ? " · current" : h.scheduled() ? " · scheduled, not in effect yet" : ""));
            date.addClassName("timeline-date");
            var level = catalog.find(h.ladderId(), h.levelKey());
            var levelName = new Span(level.map(LevelCatalog.LevelInfo::title).orElse(h.levelKey()));
            levelName.addClassName("level-name");
            var reason = new Span(h.reason().label());
            reason.addClassNames(
                    "badge",
                    switch (h.reason()) {
                        case PROMOTION -> "success";
                        case CORRECTION -> "warning";
                        default -> "primary";
                    });
            var line = new Div(PeopleUi.levelBadge(h.levelKey(), null), levelName, reason);
            line.addClassName("timeline-level");
            var meta = new Span("Decided by " + h.decidedBy()
                    + (h.promotionCaseId() == null ? "" : " · promotion case #" + h.promotionCaseId()));
            meta.addClassName("timeline-meta");
            item.add(date, line, meta);
            if (h.note() != null) {
                var note = new Paragraph(h.note());
                note.addClassName("timeline-note");
                item.add(note);
            }
            timeline.add(item);
            first = first && h.scheduled();
        }
        return new Card("Level history", timeline);
    }

    // ---------------------------------------------------------------- reports

    private Component reports(LevelCatalog catalog) {
        var list = new UnorderedList();
        list.addClassName("report-list");
        for (PersonRow r : person.directReports()) {
            var avatar = new Avatar(r.fullName());
            avatar.addThemeName("small");
            var title = new Span(orDash(r.jobTitle()));
            title.addClassName("person-email");
            var cell = new Div(PeopleUi.personLink(r.id(), r.fullName()), title);
            cell.addClassName("person-cell");
            var item = new ListItem(
                    avatar,
                    cell,
                    PeopleUi.levelBadge(r.levelKey(), PeopleUi.levelText(catalog, r.ladderId(), r.levelKey())));
            item.addClassName("report-item");
            if (!r.active()) {
                var left = new Span("Left");
                left.addClassNames("badge", "error");
                item.add(left);
            }
            list.add(item);
        }
        return new Card("Direct reports", list);
    }
}
