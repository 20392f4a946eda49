package app.rungs.attack;

import static app.rungs.evidence.EvidenceFixtures.postmortem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.domain.Team;
import app.rungs.people.domain.TeamRepository;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A NUL byte (or another control character) typed or pasted into a text field: PostgreSQL refuses it, which used to
 * end in "Something went wrong" and the raw text in the log. Now the field is named, nothing is saved, and the text
 * never reaches the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NulByteAttackTest {

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    TeamRepository teams;

    @Autowired
    TransactionTemplate transactions;

    EvidenceFixtures fx;
    String engineer;
    String marker;

    @BeforeEach
    void freshEngineer() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        engineer = fx.newEngineer("Nora Null", "DSE-2");
        marker = "secret-" + UUID.randomUUID();
    }

    private void refusedNamingTheField(EvidenceInput input, String field, CapturedOutput output) {
        assertThatThrownBy(() -> fx.as(engineer, () -> evidenceAuthoring.create(input, true)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(field + " contains an invisible control character")
                .hasMessageNotContaining(marker);
        assertThat(fx.as(engineer, () -> evidence.count(null, EvidenceFilter.none())))
                .as("nothing was saved")
                .isZero();
        assertThat(output.getAll()).as("the raw text is not logged").doesNotContain(marker);
    }

    @Test
    void aNulByteInTheTitleIsRefusedNamingTheFieldAndNothingIsSaved(CapturedOutput output) {
        refusedNamingTheField(postmortem(marker + "\u0000 title"), "Title", output);
    }

    @Test
    void aNulByteInALongTextFieldIsRefusedToo(CapturedOutput output) {
        var in = postmortem("Partition postmortem");
        var input = new EvidenceInput(
                in.type(),
                in.title(),
                in.occurredOn(),
                marker + " \u0000",
                in.impact(),
                in.levelKey(),
                in.competencyKeys(),
                in.links(),
                in.details());
        refusedNamingTheField(input, "Description", output);
    }

    @Test
    void otherControlCharactersInTypeSpecificFieldsAreRefusedNamingTheField(CapturedOutput output) {
        var in = postmortem("Partition postmortem");
        var details = new HashMap<>(in.details());
        details.put("systemsAffected", marker + "\u001b[31m");
        var input = new EvidenceInput(
                in.type(),
                in.title(),
                in.occurredOn(),
                in.description(),
                in.impact(),
                in.levelKey(),
                in.competencyKeys(),
                in.links(),
                details);
        refusedNamingTheField(input, "Systems affected", output);
    }

    @Test
    void tabsAndLineBreaksAreStillFine() {
        var in = postmortem("Tabs\tand breaks");
        var input = new EvidenceInput(
                in.type(),
                in.title(),
                in.occurredOn(),
                "First line\r\nSecond line\n\tindented",
                in.impact(),
                in.levelKey(),
                in.competencyKeys(),
                in.links(),
                in.details());
        var id = fx.as(engineer, () -> evidenceAuthoring.create(input, false));
        assertThat(id).isNotNull();
    }

    @Test
    void aNulByteInAnAdminFormIsRefusedAndChangesNothing(CapturedOutput output) {
        var account = SystemAuthentication.call(
                () -> accounts.findByUsername(DemoUsers.OTHER_ENGINEER).orElseThrow());
        assertThatThrownBy(() -> fx.as(
                        DemoUsers.ADMIN,
                        () -> accounts.update(
                                account.id(),
                                account.version(),
                                marker + "\u0000",
                                account.roles(),
                                account.enabled())))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Display name contains an invisible control character");
        var after = SystemAuthentication.call(
                () -> accounts.findByUsername(DemoUsers.OTHER_ENGINEER).orElseThrow());
        assertThat(after.displayName()).isEqualTo(account.displayName());
        assertThat(after.version()).isEqualTo(account.version());
        assertThat(output.getAll()).doesNotContain(marker);
    }

    @Test
    void textThatReachesAnEntityWithoutAServiceArgumentIsRefusedBeforeItIsWritten() {
        // What an importer does with text parsed from an uploaded file: the entity guard is the second line.
        var name = "Team " + marker + "\u0000";
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> teams.saveAndFlush(new Team(name))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Name contains an invisible control character");
        assertThat(teams.findAll()).extracting(Team::getName).noneMatch(n -> n.contains(marker));
    }
}
