package app.rungs.people.ui;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonOption;
import app.rungs.people.service.PersonUpdate;
import app.rungs.people.service.TeamOption;
import app.rungs.security.domain.Role;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.function.Consumer;

/**
 * Adds a person (with their manager, level and account) or edits a profile. The Binder checks fields as the admin
 * types; the service decides and reports what it refuses.
 */
class PersonFormDialog extends Dialog {

    /** The form's bean: what the admin types. */
    static final class Form {
        String fullName = "";
        String email = "";
        String jobTitle = "";
        TeamOption team;
        LocalDate startDate;
        SpecializationTrack specialization;
        ScopeAxis scopeAxis;
        FocusAxis focusAxis;
        CommunityAxis communityAxis;
        String trackKey;
    }

    final TextField fullName = new TextField("Name");
    final EmailField email = new EmailField("Email");
    final TextField jobTitle = new TextField("Job title");
    final ComboBox<TeamOption> team = new ComboBox<>("Team");
    final DatePicker startDate = Formats.localize(new DatePicker("Start date"));
    final Select<SpecializationTrack> specialization = new Select<>();
    final Select<ScopeAxis> scope = new Select<>();
    final Select<FocusAxis> focus = new Select<>();
    final Select<CommunityAxis> community = new Select<>();
    /** The person's path on their ladder (editing a placed person only): a track of its published version, or none. */
    final Select<String> track = new Select<>();

    final ComboBox<PersonOption> manager;
    final LevelPicker level;
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Account roles");
    final Paragraph error = new Paragraph();
    final Button save = new Button();
    final Binder<Form> binder = new Binder<>();

    private final PeopleServices services;

    PersonFormDialog(PeopleServices services, PersonDetails existing, Consumer<Long> onSaved) {
        this.services = services;
        var ladders = services.ladders();
        addClassName("people-dialog");
        boolean adding = existing == null;
        setHeaderTitle(adding ? "Add a person" : "Edit " + existing.fullName());
        setWidth("46rem");

        fullName.setRequiredIndicatorVisible(true);
        email.setRequiredIndicatorVisible(true);
        team.setItems(services.people().teams());
        team.setItemLabelGenerator(TeamOption::name);
        team.setAllowCustomValue(true);
        team.setClearButtonVisible(true);
        team.setHelperText("Type a new name to create a team");
        team.addCustomValueSetListener(e -> createTeam(e.getDetail()));
        specialization.setLabel("Specialization");
        specialization.setItems(SpecializationTrack.values());
        specialization.setItemLabelGenerator(t -> t == null ? "Generalist (none)" : t.label());
        specialization.setEmptySelectionAllowed(true);
        specialization.setEmptySelectionCaption("Generalist (none)");
        scope.setLabel("Scope");
        scope.setItems(ScopeAxis.values());
        scope.setItemLabelGenerator(a -> a == null ? "Not set" : a.label());
        scope.setEmptySelectionAllowed(true);
        focus.setLabel("Focus");
        focus.setItems(FocusAxis.values());
        focus.setItemLabelGenerator(a -> a == null ? "Not set" : a.label());
        focus.setEmptySelectionAllowed(true);
        community.setLabel("Community");
        community.setItems(CommunityAxis.values());
        community.setItemLabelGenerator(a -> a == null ? "Not set" : a.label());
        community.setEmptySelectionAllowed(true);

        binder.forField(fullName)
                .asRequired("Name is required.")
                .withValidator(new StringLengthValidator("Names are at most 200 characters long.", 1, 200))
                .bind(f -> f.fullName, (f, v) -> f.fullName = v);
        binder.forField(email)
                .asRequired("Email is required.")
                .withValidator(new EmailValidator("Email must look like name@example.com."))
                .bind(f -> f.email, (f, v) -> f.email = v);
        binder.forField(jobTitle).bind(f -> f.jobTitle, (f, v) -> f.jobTitle = v);
        binder.forField(team).bind(f -> f.team, (f, v) -> f.team = v);
        binder.forField(startDate).bind(f -> f.startDate, (f, v) -> f.startDate = v);
        binder.forField(specialization).bind(f -> f.specialization, (f, v) -> f.specialization = v);
        binder.forField(scope).bind(f -> f.scopeAxis, (f, v) -> f.scopeAxis = v);
        binder.forField(focus).bind(f -> f.focusAxis, (f, v) -> f.focusAxis = v);
        binder.forField(community).bind(f -> f.communityAxis, (f, v) -> f.communityAxis = v);

        var form = new FormLayout(fullName, email, jobTitle, team, startDate, specialization, scope, focus, community);
        var tracks = existing == null || existing.ladderId() == null
                ? java.util.List.<app.rungs.ladder.service.LadderContent.TrackView>of()
                : ladders.published(existing.ladderId())
                        .map(app.rungs.ladder.service.LadderContent::tracks)
                        .orElse(java.util.List.of());
        if (!tracks.isEmpty()) {
            var names = new java.util.LinkedHashMap<String, String>();
            tracks.forEach(t -> names.put(t.key(), t.name()));
            track.setLabel("Path (track)");
            track.setItems(names.keySet());
            track.setItemLabelGenerator(k -> k == null ? "Shared line (no track)" : names.getOrDefault(k, k));
            track.setEmptySelectionAllowed(true);
            track.setEmptySelectionCaption("Shared line (no track)");
            track.setHelperText(
                    "On a shared level: the branch they aim for. It decides their next level and readiness.");
            track.setId("person-track");
            binder.forField(track).bind(f -> f.trackKey, (f, v) -> f.trackKey = v);
            form.add(track);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        if (adding) {
            manager = ManagerDialog.managerPicker(services.grid());
            manager.setWidthFull();
            level = new LevelPicker(ladders);
            roles.setItems(Role.values());
            roles.setItemLabelGenerator(Role::label);
            roles.setValue(EnumSet.of(Role.ENGINEER));
            roles.setHelperText("The account has no password until you set one on the person page.");
            form.add(manager, level.ladder, level.level, roles);
            form.setColspan(roles, 2);
            startDate.setValue(LocalDate.now());
        } else {
            manager = null;
            level = null;
        }
        var bean = new Form();
        if (existing != null) {
            bean.fullName = existing.fullName();
            bean.email = existing.email();
            bean.jobTitle = existing.jobTitle() == null ? "" : existing.jobTitle();
            bean.team = services.people().teams().stream()
                    .filter(t -> t.id().equals(existing.teamId()))
                    .findFirst()
                    .orElse(null);
            bean.startDate = existing.startDate();
            bean.specialization = existing.specialization();
            bean.scopeAxis = existing.scopeAxis();
            bean.focusAxis = existing.focusAxis();
            bean.communityAxis = existing.communityAxis();
            bean.trackKey = existing.trackKey();
        } else {
            bean.startDate = LocalDate.now();
        }
        binder.readBean(bean);

        error.addClassName("import-problems");
        error.setVisible(false);
        add(form, error);

        save.setText(adding ? "Add person" : "Save changes");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(existing, onSaved));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void createTeam(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        try {
            var id = services.editing().createTeam(name, null);
            var teams = services.people().teams();
            team.setItems(teams);
            teams.stream().filter(t -> t.id().equals(id)).findFirst().ifPresent(team::setValue);
            Toasts.success("Created team " + name.strip() + ".");
        } catch (ValidationException ex) {
            team.setInvalid(true);
            team.setErrorMessage(ex.getMessage());
        }
    }

    private void save(PersonDetails existing, Consumer<Long> onSaved) {
        error.setText("");
        error.setVisible(false);
        var bean = new Form();
        if (!binder.writeBeanIfValid(bean)) {
            return;
        }
        try {
            Long id;
            if (existing == null) {
                id = services.editing()
                        .add(
                                new NewPerson(
                                        bean.fullName,
                                        bean.email,
                                        bean.jobTitle,
                                        bean.team == null ? null : bean.team.id(),
                                        manager.getValue() == null
                                                ? null
                                                : manager.getValue().id(),
                                        level.levelKey() == null ? null : level.ladderId(),
                                        level.levelKey(),
                                        bean.specialization,
                                        bean.scopeAxis,
                                        bean.focusAxis,
                                        bean.communityAxis,
                                        bean.startDate),
                                roles.getValue());
                Notification.show("Added " + bean.fullName.strip() + ".");
            } else {
                id = existing.id();
                services.editing()
                        .update(
                                existing.id(),
                                existing.version(),
                                new PersonUpdate(
                                        bean.fullName,
                                        bean.email,
                                        bean.jobTitle,
                                        bean.team == null ? null : bean.team.id(),
                                        bean.specialization,
                                        bean.scopeAxis,
                                        bean.focusAxis,
                                        bean.communityAxis,
                                        bean.startDate,
                                        track.getLabel() == null ? existing.trackKey() : bean.trackKey));
                Toasts.success("Saved " + bean.fullName.strip() + ".");
            }
            close();
            onSaved.accept(id);
        } catch (ValidationException | ConcurrentEditException ex) {
            error.setText(ex.getMessage());
            error.setVisible(true);
        }
    }
}
