package app.rungs.evidence;

import static app.rungs.evidence.EvidenceFixtures.postmortem;
import static app.rungs.evidence.EvidenceFixtures.publication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Bad input is refused with a specific message and changes nothing. */
@IntegrationTest
class EvidenceValidationTest {

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

    EvidenceFixtures fx;
    String engineer;

    @BeforeEach
    void freshEngineer() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        engineer = fx.newEngineer("Vera Valid", "DSE-2");
    }

    private void refused(EvidenceInput input, String message) {
        assertThatThrownBy(() -> fx.as(engineer, () -> evidenceAuthoring.create(input, false)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(message);
        assertThat(fx.as(engineer, () -> evidence.count(null, EvidenceFilter.none())))
                .isZero();
    }

    private static EvidenceInput withLinks(EvidenceInput in, List<String> links) {
        return new EvidenceInput(
                in.type(),
                in.title(),
                in.occurredOn(),
                in.description(),
                in.impact(),
                in.levelKey(),
                in.competencyKeys(),
                links,
                in.details());
    }

    private static EvidenceInput withDetails(EvidenceInput in, UnaryOperator<Map<String, String>> change) {
        return new EvidenceInput(
                in.type(),
                in.title(),
                in.occurredOn(),
                in.description(),
                in.impact(),
                in.levelKey(),
                in.competencyKeys(),
                in.links(),
                change.apply(new HashMap<>(in.details())));
    }

    @Test
    void onlyHttpAndHttpsLinksAreAccepted() {
        var base = postmortem("Links");
        refused(withLinks(base, List.of("javascript:alert(1)")), "is not an http or https link");
        refused(withLinks(base, List.of("JavaScript:alert(1)")), "is not an http or https link");
        refused(withLinks(base, List.of("data:text/html;base64,PHNjcmlwdD4=")), "is not an http or https link");
        refused(withLinks(base, List.of("ftp://files.example.com/pm.pdf")), "is not an http or https link");
        refused(withLinks(base, List.of("/relative/path")), "is not an http or https link");
        refused(withLinks(base, List.of("https:///wiki/pm")), "has no host name");
        refused(withLinks(base, List.of("https://example.com/a b")), "contains spaces");
        refused(
                withDetails(base, d -> {
                    d.put("postmortemLink", "javascript:alert(document.cookie)");
                    return d;
                }),
                "Postmortem link: \"javascript:alert(document.cookie)\" is not an http or https link");
        var ok = fx.as(
                engineer,
                () -> evidenceAuthoring.create(
                        withLinks(base, List.of("https://wiki.example.com/pm", "HTTP://Example.com/x", " ")), false));
        assertThat(fx.as(engineer, () -> evidence.details(ok).links()))
                .containsExactly("https://wiki.example.com/pm", "HTTP://Example.com/x");
    }

    @Test
    void aDoiMustLookLikeADoi() {
        refused(
                withDetails(publication("Bad DOI"), d -> {
                    d.put("doi", "doi:10.1145/3600006");
                    return d;
                }),
                "DOI \"doi:10.1145/3600006\" is not a DOI such as 10.1145/3600006.3613138");
        refused(
                withDetails(publication("Bad DOI"), d -> {
                    d.put("doi", "10.12/abc");
                    return d;
                }),
                "is not a DOI");
        refused(
                withDetails(publication("Preprint"), d -> {
                    d.put("kind", "PREPRINT");
                    return d;
                }),
                "A preprint is not peer reviewed");
    }

    @Test
    void competenciesAndLevelMustBelongToTheOwnersLadder() {
        var base = postmortem("Ladder keys");
        refused(
                new EvidenceInput(
                        base.type(),
                        base.title(),
                        base.occurredOn(),
                        null,
                        null,
                        "DSE-9",
                        List.of("made-up-competency"),
                        List.of(),
                        base.details()),
                "Level DSE-9 is not part of Distributed Systems Engineering.");
        refused(
                new EvidenceInput(
                        base.type(),
                        base.title(),
                        base.occurredOn(),
                        null,
                        null,
                        "DSE-3",
                        List.of("made-up-competency"),
                        List.of(),
                        base.details()),
                "Not competencies of Distributed Systems Engineering: made-up-competency.");
        refused(
                new EvidenceInput(
                        base.type(),
                        base.title(),
                        base.occurredOn(),
                        null,
                        null,
                        "DSE-3",
                        List.of(),
                        List.of(),
                        base.details()),
                "Choose at least one competency");
    }

    @Test
    void commonFieldsAreRequiredAndDatesAreNotInTheFuture() {
        var base = postmortem("Dates");
        refused(
                new EvidenceInput(
                        base.type(),
                        " ",
                        LocalDate.now().plusDays(1),
                        null,
                        null,
                        "DSE-3",
                        base.competencyKeys(),
                        List.of(),
                        base.details()),
                "Give the evidence a title.");
        refused(
                new EvidenceInput(
                        base.type(),
                        "Future",
                        LocalDate.now().plusDays(1),
                        null,
                        null,
                        "DSE-3",
                        base.competencyKeys(),
                        List.of(),
                        base.details()),
                "The date cannot be in the future.");
        refused(
                withDetails(base, d -> {
                    d.put("incidentDate", LocalDate.now().plusDays(3).toString());
                    return d;
                }),
                "Incident date cannot be in the future.");
        refused(
                new EvidenceInput(
                        null,
                        "No type",
                        LocalDate.now(),
                        null,
                        null,
                        "DSE-3",
                        base.competencyKeys(),
                        List.of(),
                        Map.of()),
                "Choose the type of evidence.");
    }

    @Test
    void eachTypeChecksItsOwnFields() {
        var base = postmortem("Type fields");
        refused(
                withDetails(base, d -> {
                    d.remove("severity");
                    return d;
                }),
                "Severity is required for an incident postmortem.");
        refused(
                withDetails(base, d -> {
                    d.put("failureMode", "GREMLINS");
                    return d;
                }),
                "Failure mode must be one of: Network partition, Cascading failure");
        refused(
                withDetails(base, d -> {
                    d.put("favouriteColour", "blue");
                    return d;
                }),
                "\"favouriteColour\" is not a field of incident postmortem evidence.");
        refused(
                input(
                        EvidenceType.CERTIFICATION,
                        Map.of(
                                "credential", "AWS_SA_PROFESSIONAL",
                                "issuer", "MICROSOFT",
                                "credentialId", "AWS-SAP-1",
                                "issuedOn", LocalDate.now().minusDays(10).toString())),
                "AWS Certified Solutions Architect – Professional is issued by Amazon Web Services, not Microsoft.");
        refused(
                input(
                        EvidenceType.CERTIFICATION,
                        Map.of(
                                "credential", "IEEE_CSDP",
                                "issuer", "IEEE_COMPUTER_SOCIETY",
                                "credentialId", "CSDP-1",
                                "issuedOn", LocalDate.now().minusDays(10).toString(),
                                "expiresOn", LocalDate.now().minusDays(20).toString())),
                "A credential must expire after it was issued.");
        refused(
                input(EvidenceType.STANDARDS, Map.of("body", "IETF", "group", "QUIC WG")),
                "IETF work needs the Internet-Draft name or RFC number.");
        refused(
                input(EvidenceType.STANDARDS, Map.of("body", "IETF", "document", "my-draft")),
                "is not an Internet-Draft name (draft-…) or an RFC number (RFC 9000)");
        refused(
                input(EvidenceType.STANDARDS, Map.of("body", "ASF", "group", "Apache Kafka")),
                "Apache Software Foundation work needs your ASF role.");
        refused(
                input(
                        EvidenceType.MENTORING,
                        Map.of(
                                "mentee", "Tomás",
                                "format", "ONE_ON_ONE",
                                "from", "2025-05-01",
                                "until", "2025-04-01")),
                "Mentoring cannot end before it starts.");
        refused(input(EvidenceType.DEGREE, Map.of("degree", "MBA")), "Degree must be one of: M.S., Ph.D.");
        refused(
                input(
                        EvidenceType.OPEN_SOURCE,
                        Map.of("project", "etcd", "contributionLink", "github.com/etcd/pull/1")),
                "Pull request or commit link: \"github.com/etcd/pull/1\" is not an http or https link.");

        // Valid examples of the remaining types are accepted.
        fx.as(
                engineer,
                () -> evidenceAuthoring.create(
                        input(
                                EvidenceType.STANDARDS,
                                Map.of("body", "IETF", "group", "QUIC WG", "document", "RFC 9000")),
                        false));
        fx.as(
                engineer,
                () -> evidenceAuthoring.create(
                        input(
                                EvidenceType.DEGREE,
                                Map.of(
                                        "degree", "PHD",
                                        "field", "Computer Science",
                                        "institution", "University of Washington",
                                        "year", "2019")),
                        false));
        fx.as(engineer, () -> evidenceAuthoring.create(input(EvidenceType.OTHER, Map.of()), false));
        assertThat(fx.as(engineer, () -> evidence.count(null, EvidenceFilter.none())))
                .isEqualTo(3);
    }

    private static EvidenceInput input(EvidenceType type, Map<String, String> details) {
        return new EvidenceInput(
                type,
                type.label() + " evidence",
                LocalDate.now().minusDays(5),
                null,
                null,
                "DSE-3",
                List.of("open-source-standards"),
                List.of(),
                details);
    }
}
