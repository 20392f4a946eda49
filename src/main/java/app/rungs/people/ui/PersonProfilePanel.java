package app.rungs.people.ui;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.AccountSummary;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The person page's Profile tab: the facts about someone, their current level and (for admins) their account. */
class PersonProfilePanel extends Div {

    private final PeopleService people;
    private final AccountService accounts;
    private final PersonDetails person;
    private final Runnable reload;
    final Component levelCard;
    private final LevelCatalog catalog;

    PersonProfilePanel(
            PeopleService people,
            AccountService accounts,
            PersonDetails person,
            LevelCatalog catalog,
            boolean admin,
            Runnable reload) {
        this.people = people;
        this.accounts = accounts;
        this.person = person;
        this.reload = reload;
        this.catalog = catalog;
        this.levelCard = levelCard(catalog);
        add(profile(admin));
    }

    private Component profile(boolean admin) {
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
                                        + Formats.tenure(person.startDate(), Formats.today()) + ")"));
        if (!person.active()) {
            fact(list, "Left", new Span(Formats.date(person.leftDate())));
        }
        fact(list, "Specialization", new Span(PersonRenderers.specialization(person.specialization())));
        var path = new Span(catalog.trackName(person.ladderId(), person.trackKey()));
        path.setId("person-path");
        fact(list, "Path", person.ladderId() == null ? new Span("—") : path);
        var axes = new Div();
        axes.addClassName("axis-list");
        axis(axes, person.scopeAxis() == null ? null : person.scopeAxis().label());
        axis(axes, person.focusAxis() == null ? null : person.focusAxis().label());
        axis(
                axes,
                person.communityAxis() == null ? null : person.communityAxis().label());
        fact(list, "Decision axes", axes.getChildren().findAny().isPresent() ? axes : new Span("—"));

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
                ? PersonRenderers.personLink(person.managerId(), person.managerName())
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
                        + " · " + Formats.timeInLevel(person.levelSince(), Formats.today())
                        + (person.levelSince() != null && person.levelSince().isBefore(Formats.today())
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
                roles.add(Badges.badge(r.label(), r == Role.ADMIN ? "warning" : "primary"));
            });
            fact(list, "Roles", roles);
            fact(
                    list,
                    "Status",
                    Badges.badge(
                            account.enabled() ? "Can sign in" : "Disabled", account.enabled() ? "success" : "error"));
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
        new AccountDialog(accounts, person, account, reload).open();
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
            axes.add(Badges.badge(label, null));
        }
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
