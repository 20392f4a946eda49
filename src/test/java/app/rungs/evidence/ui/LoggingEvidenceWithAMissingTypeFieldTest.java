package app.rungs.evidence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The type-specific fields of the evidence editor check themselves with the rules of {@code EvidenceFields}: a
 * missing or malformed value is named next to its field, and nothing reaches the service until it is fixed.
 */
@IntegrationTest
class LoggingEvidenceWithAMissingTypeFieldTest extends SpringBrowserlessTest {

    static final String IRIS = "iris.fields@evidence.test";

    @Autowired
    EvidenceService evidence;

    @BeforeAll
    static void iris(
            @Autowired PeopleService people,
            @Autowired PersonEditingService peopleEditing,
            @Autowired AccountService accounts,
            @Autowired UserDetailsService users,
            @Autowired EvidenceService evidence) {
        new EvidenceFixtures(people, peopleEditing, accounts, users, evidence)
                .ensureEngineer(IRIS, "Iris Fields", "DSE-2");
    }

    private EvidenceEditor openEditor() {
        navigate(MyEvidenceView.class);
        test($(Button.class).id("log-evidence")).click();
        return $(EvidenceEditor.class).all().stream()
                .filter(EvidenceEditor::isOpened)
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo(String id) {
        return $(ComboBox.class).id(id);
    }

    private void postmortemWithoutIncidentId(EvidenceEditor editor, String title) {
        editor.type.setValue(EvidenceType.INCIDENT_POSTMORTEM);
        editor.title.setValue(title);
        editor.competencies.setValue(Set.of("failure-modes-network-partitions"));
        editor.impact.setValue("Fencing shipped.");
        $(DatePicker.class)
                .id("evidence-field-incidentDate")
                .setValue(LocalDate.now().minusDays(2));
        combo("evidence-field-severity").setValue("SEV2");
        combo("evidence-field-role").setValue("RESPONDER");
        test($(TextField.class).id("evidence-field-systemsAffected")).setValue("Lease service");
        combo("evidence-field-failureMode").setValue("NETWORK_PARTITION");
    }

    @Test
    @WithUserDetails(IRIS)
    void anIncidentPostmortemWithoutItsIncidentIdShowsTheMessageNextToTheFieldAndSavesNothing() {
        long before = evidence.count(null, EvidenceFilter.none());
        var editor = openEditor();
        postmortemWithoutIncidentId(editor, "Fields: postmortem without its incident id");
        var incidentId = $(TextField.class).id("evidence-field-incidentId");
        assertThat(incidentId.isInvalid()).isFalse();

        test($(Button.class).id("evidence-save-submit")).click();

        assertThat(editor.isOpened()).isTrue();
        assertThat(incidentId.isInvalid()).isTrue();
        assertThat(incidentId.getErrorMessage()).isEqualTo("Incident id is required for an incident postmortem.");
        assertThat(editor.shownProblems()).containsExactly("Incident id is required for an incident postmortem.");
        assertThat($(TextField.class).id("evidence-field-systemsAffected").isInvalid())
                .isFalse();
        assertThat(evidence.count(null, EvidenceFilter.none())).isEqualTo(before);

        // Filling the field in clears its mark, and the same form then saves.
        test(incidentId).setValue("INC-4410");
        assertThat(incidentId.isInvalid()).isFalse();
        test($(Button.class).id("evidence-save-submit")).click();
        assertThat(editor.isOpened()).isFalse();
        assertThat(evidence.count(null, EvidenceFilter.none())).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails(IRIS)
    void aMalformedDoiIsNamedNextToItsFieldAsSoonAsItIsTyped() {
        var editor = openEditor();
        editor.type.setValue(EvidenceType.PUBLICATION);
        var doi = $(TextField.class).id("evidence-field-doi");

        test(doi).setValue("doi.org/10.1145");

        assertThat(doi.isInvalid()).isTrue();
        assertThat(doi.getErrorMessage())
                .isEqualTo("DOI \"doi.org/10.1145\" is not a DOI such as 10.1145/3600006.3613138.");
        test(doi).setValue("10.1145/3600006.3613138");
        assertThat(doi.isInvalid()).isFalse();
    }
}
