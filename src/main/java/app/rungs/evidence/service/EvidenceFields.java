package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The type-specific fields of each evidence type: what the editor shows and what the service accepts. Values are
 * strings (dates ISO-8601, booleans "true"/"false", choices their option value) stored as one JSON object per item.
 *
 * <p>Longer than our other classes on purpose: it is one declarative table (every type's fields, options and rules)
 * that the editor's Binder and the service's validation both read; split up, the table would no longer be readable
 * as one.
 */
public final class EvidenceFields {

    /** How a field is entered and checked. */
    public enum Kind {
        TEXT,
        DATE,
        CHOICE,
        /** A choice from suggestions that also accepts other values (for example a publication venue). */
        SUGGESTION,
        BOOLEAN,
        URL,
        YEAR,
        PATTERN
    }

    public record Option(String value, String label) {}

    public record Field(
            String key,
            String label,
            Kind kind,
            boolean required,
            List<Option> options,
            String pattern,
            String hint,
            String placeholder) {

        public Optional<String> labelOf(String value) {
            return options.stream()
                    .filter(o -> o.value().equals(value))
                    .map(Option::label)
                    .findFirst();
        }

        /** The value as a person reads it: option labels, "Yes"/"No", dates as they are. */
        public String display(String value) {
            if (value == null) {
                return "";
            }
            return switch (kind) {
                case CHOICE -> labelOf(value).orElse(value);
                case BOOLEAN -> "true".equals(value) ? "Yes" : "No";
                default -> value;
            };
        }
    }

    public static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    static final Pattern IETF_DOCUMENT =
            Pattern.compile("^(draft-[a-z0-9]+(-[a-z0-9]+)+|RFC ?[0-9]{1,5})$", Pattern.CASE_INSENSITIVE);
    static final int MAX_TEXT = 300;

    private static final Map<EvidenceType, List<Field>> FIELDS = new EnumMap<>(EvidenceType.class);

    static {
        FIELDS.put(
                EvidenceType.INCIDENT_POSTMORTEM,
                List.of(
                        text("incidentId", "Incident id", true, "INC-2291"),
                        date("incidentDate", "Incident date", true),
                        choice(
                                "severity",
                                "Severity",
                                true,
                                "SEV1",
                                "SEV1 — critical",
                                "SEV2",
                                "SEV2 — major",
                                "SEV3",
                                "SEV3 — minor",
                                "SEV4",
                                "SEV4 — low"),
                        choice(
                                "role",
                                "Your role",
                                true,
                                "INCIDENT_COMMANDER",
                                "Incident commander",
                                "POSTMORTEM_AUTHOR",
                                "Postmortem author",
                                "RESPONDER",
                                "Responder",
                                "REVIEWER",
                                "Reviewer"),
                        text("systemsAffected", "Systems affected", true, "Metadata service, replication pipeline"),
                        choice(
                                "failureMode",
                                "Failure mode",
                                true,
                                "NETWORK_PARTITION",
                                "Network partition",
                                "CASCADING_FAILURE",
                                "Cascading failure",
                                "THUNDERING_HERD",
                                "Thundering herd",
                                "SPLIT_BRAIN",
                                "Split brain",
                                "CLOCK_SKEW",
                                "Clock skew",
                                "DATA_CORRUPTION",
                                "Data corruption",
                                "RESOURCE_EXHAUSTION",
                                "Resource exhaustion",
                                "DEPENDENCY_FAILURE",
                                "Dependency failure",
                                "OTHER",
                                "Other"),
                        url("postmortemLink", "Postmortem link", false)));
        FIELDS.put(
                EvidenceType.PUBLICATION,
                List.of(
                        suggestion(
                                "venue",
                                "Venue",
                                true,
                                "IEEE TPDS",
                                "ACM SOSP",
                                "USENIX OSDI",
                                "USENIX NSDI",
                                "USENIX ATC",
                                "USENIX FAST",
                                "ACM SIGOPS Operating Systems Review",
                                "VLDB",
                                "ACM EuroSys",
                                "ACM SoCC",
                                "ACM PODC",
                                "IEEE ICDCS",
                                "arXiv"),
                        choice(
                                "kind",
                                "Kind",
                                true,
                                "JOURNAL",
                                "Journal",
                                "CONFERENCE",
                                "Conference",
                                "WORKSHOP",
                                "Workshop",
                                "PREPRINT",
                                "Preprint"),
                        new Field(
                                "doi",
                                "DOI",
                                Kind.PATTERN,
                                false,
                                List.of(),
                                DOI.pattern(),
                                "a DOI such as 10.1145/3600006.3613138",
                                "10.1145/…"),
                        bool("peerReviewed", "Peer reviewed"),
                        text("coAuthors", "Co-authors", false, "M. Alvarez, A. Rahman"),
                        year("year", "Year", true)));
        FIELDS.put(
                EvidenceType.DESIGN_DOCUMENT,
                List.of(
                        choice(
                                "documentKind",
                                "Document kind",
                                true,
                                "DESIGN_DOC",
                                "Design document",
                                "RFC",
                                "RFC",
                                "ADR",
                                "Architecture decision record"),
                        choice(
                                "documentStatus",
                                "Document status",
                                true,
                                "IN_REVIEW",
                                "In review",
                                "ACCEPTED",
                                "Accepted",
                                "IMPLEMENTED",
                                "Implemented",
                                "SUPERSEDED",
                                "Superseded"),
                        url("documentLink", "Document link", true),
                        text("reviewers", "Reviewers / approving teams", false, "Storage Platform, SRE")));
        FIELDS.put(
                EvidenceType.OPEN_SOURCE,
                List.of(
                        text("project", "Project", true, "Apache ZooKeeper"),
                        url("contributionLink", "Pull request or commit link", true),
                        bool("merged", "Merged upstream")));
        FIELDS.put(
                EvidenceType.STANDARDS,
                List.of(
                        choice(
                                "body",
                                "Standards body",
                                true,
                                "IETF",
                                "IETF",
                                "ASF",
                                "Apache Software Foundation",
                                "OTHER",
                                "Other"),
                        text("group", "Working group or project", false, "IETF QUIC WG, Apache Kafka"),
                        new Field(
                                "document",
                                "IETF draft or RFC number",
                                Kind.PATTERN,
                                false,
                                List.of(),
                                IETF_DOCUMENT.pattern(),
                                "an Internet-Draft name (draft-…) or an RFC number (RFC 9000)",
                                "draft-ietf-quic-multipath"),
                        choice(
                                "asfRole",
                                "ASF role",
                                false,
                                "CONTRIBUTOR",
                                "Contributor",
                                "COMMITTER",
                                "Committer",
                                "PMC_MEMBER",
                                "PMC member",
                                "PMC_CHAIR",
                                "PMC chair",
                                "ASF_MEMBER",
                                "ASF member"),
                        url("link", "Link", false)));
        FIELDS.put(
                EvidenceType.TALK,
                List.of(
                        text("event", "Event", true, "ApacheCon North America"),
                        choice(
                                "audience",
                                "Audience",
                                true,
                                "INTERNAL",
                                "Internal",
                                "CONFERENCE",
                                "External conference",
                                "MEETUP",
                                "Meetup"),
                        url("recordingLink", "Recording or slides", false)));
        FIELDS.put(
                EvidenceType.MENTORING,
                List.of(
                        text("mentee", "Mentee(s)", true, "Tomás Novák"),
                        choice(
                                "format",
                                "Format",
                                true,
                                "ONE_ON_ONE",
                                "One-on-one",
                                "ONBOARDING",
                                "Onboarding",
                                "READING_GROUP",
                                "Reading group",
                                "INTERNSHIP",
                                "Internship supervision",
                                "CURRICULUM",
                                "Course or curriculum"),
                        date("from", "From", true),
                        date("until", "Until", false)));
        FIELDS.put(
                EvidenceType.CERTIFICATION,
                List.of(
                        choice(
                                "credential",
                                "Credential",
                                true,
                                "IEEE_CSDP",
                                "IEEE Certified Software Development Professional (CSDP)",
                                "AWS_SA_ASSOCIATE",
                                "AWS Certified Solutions Architect – Associate",
                                "AWS_SA_PROFESSIONAL",
                                "AWS Certified Solutions Architect – Professional",
                                "GCP_PCA",
                                "Google Cloud Professional Cloud Architect",
                                "AZURE_SA_EXPERT",
                                "Microsoft Certified: Azure Solutions Architect Expert",
                                "OTHER",
                                "Other"),
                        choice(
                                "issuer",
                                "Issuer",
                                true,
                                "IEEE_COMPUTER_SOCIETY",
                                "IEEE Computer Society",
                                "AWS",
                                "Amazon Web Services",
                                "GOOGLE_CLOUD",
                                "Google Cloud",
                                "MICROSOFT",
                                "Microsoft",
                                "OTHER",
                                "Other"),
                        text("credentialId", "Credential id", true, "AWS-SAP-4821-77"),
                        date("issuedOn", "Issued on", true),
                        date("expiresOn", "Expires on", false),
                        url("verificationLink", "Verification link", false)));
        FIELDS.put(
                EvidenceType.DEGREE,
                List.of(
                        choice("degree", "Degree", true, "MS", "M.S.", "PHD", "Ph.D."),
                        text("field", "Field", true, "Computer Science"),
                        text("institution", "Institution", true, "ETH Zürich"),
                        year("year", "Year awarded", true),
                        text("thesis", "Thesis title", false, ""),
                        url("thesisLink", "Thesis link", false)));
        FIELDS.put(
                EvidenceType.OTHER, List.of(text("category", "Category", false, "Award, hackathon, internal tool…")));
    }

    /** Which issuer awards which credential, for the consistency check. */
    private static final Map<String, String> ISSUER_OF = Map.of(
            "IEEE_CSDP", "IEEE_COMPUTER_SOCIETY",
            "AWS_SA_ASSOCIATE", "AWS",
            "AWS_SA_PROFESSIONAL", "AWS",
            "GCP_PCA", "GOOGLE_CLOUD",
            "AZURE_SA_EXPERT", "MICROSOFT");

    private EvidenceFields() {}

    public static List<Field> of(EvidenceType type) {
        return FIELDS.get(type);
    }

    /** The issuer that awards a credential, when it is one of the known ones. */
    public static Optional<String> issuerOf(String credential) {
        return Optional.ofNullable(ISSUER_OF.get(credential));
    }

    /** Strips values and drops blank ones; booleans become "true"/"false". */
    static Map<String, String> normalize(EvidenceType type, Map<String, String> values) {
        var result = new LinkedHashMap<String, String>();
        if (values == null) {
            return result;
        }
        var known = of(type);
        for (var field : known) {
            var raw = values.get(field.key());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            var value = raw.strip();
            if (field.kind() == Kind.BOOLEAN) {
                if (!"true".equalsIgnoreCase(value)) {
                    continue;
                }
                value = "true";
            }
            result.put(field.key(), value);
        }
        // Unknown keys are kept so that validation can name them.
        values.forEach((k, v) -> {
            if (known.stream().noneMatch(f -> f.key().equals(k)) && v != null && !v.isBlank()) {
                result.put(k, v.strip());
            }
        });
        return result;
    }

    /** Problems with the type-specific fields, in field order; empty when valid. */
    static List<String> validate(EvidenceType type, Map<String, String> values, LocalDate today) {
        var problems = new ArrayList<String>();
        var fields = of(type);
        for (var key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                problems.add(
                        "\"" + key + "\" is not a field of " + type.label().toLowerCase(Locale.ROOT) + " evidence.");
            }
        }
        for (var field : fields) {
            problem(type, field, values.get(field.key()), today).ifPresent(problems::add);
        }
        problems.addAll(crossChecks(type, values, today));
        return problems;
    }

    /**
     * The problem with one field's normalized value (null when blank), worded as {@link #validate} words it; empty
     * when the value is fine on its own. The editor shows it next to the field; checks across fields stay here.
     */
    public static Optional<String> problem(EvidenceType type, Field field, String value, LocalDate today) {
        if (value == null) {
            return field.required()
                    ? Optional.of(field.label() + " is required for " + article(type) + ".")
                    : Optional.empty();
        }
        return check(field, value, today);
    }

    private static Optional<String> check(Field field, String value, LocalDate today) {
        if (value.length() > (field.kind() == Kind.URL ? Links.MAX_LENGTH : MAX_TEXT)) {
            return Optional.of(field.label() + " is too long.");
        }
        return switch (field.kind()) {
            case TEXT, SUGGESTION, BOOLEAN -> Optional.empty();
            case CHOICE ->
                field.labelOf(value).isPresent()
                        ? Optional.empty()
                        : Optional.of(field.label() + " must be one of: "
                                + String.join(
                                        ", ",
                                        field.options().stream()
                                                .map(Option::label)
                                                .toList())
                                + ".");
            case URL -> Links.problem(value).map(p -> field.label() + ": " + p);
            case PATTERN ->
                Pattern.compile(field.pattern()).matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of(field.label() + " \"" + value + "\" is not " + field.hint() + ".");
            case YEAR -> {
                try {
                    int year = Integer.parseInt(value);
                    yield year < 1950 || year > today.getYear() + 1
                            ? Optional.of(field.label() + " must be between 1950 and " + (today.getYear() + 1) + ".")
                            : Optional.empty();
                } catch (NumberFormatException e) {
                    yield Optional.of(field.label() + " must be a year such as " + today.getYear() + ".");
                }
            }
            case DATE -> {
                try {
                    var date = LocalDate.parse(value);
                    yield date.getYear() < 1950
                            ? Optional.of(field.label() + " is too far in the past.")
                            : Optional.empty();
                } catch (DateTimeParseException e) {
                    yield Optional.of(field.label() + " must be a date (YYYY-MM-DD).");
                }
            }
        };
    }

    private static List<String> crossChecks(EvidenceType type, Map<String, String> v, LocalDate today) {
        var problems = new ArrayList<String>();
        switch (type) {
            case INCIDENT_POSTMORTEM -> {
                if (isAfter(v.get("incidentDate"), today)) {
                    problems.add("Incident date cannot be in the future.");
                }
            }
            case PUBLICATION -> {
                if ("PREPRINT".equals(v.get("kind")) && "true".equals(v.get("peerReviewed"))) {
                    problems.add("A preprint is not peer reviewed: choose another kind or untick \"Peer reviewed\".");
                }
            }
            case STANDARDS -> {
                if ("IETF".equals(v.get("body")) && v.get("document") == null) {
                    problems.add("IETF work needs the Internet-Draft name or RFC number.");
                }
                if ("ASF".equals(v.get("body")) && v.get("asfRole") == null) {
                    problems.add("Apache Software Foundation work needs your ASF role.");
                }
                if ("ASF".equals(v.get("body")) && v.get("group") == null) {
                    problems.add("Apache Software Foundation work needs the project.");
                }
            }
            case MENTORING -> {
                if (isBefore(v.get("until"), v.get("from"))) {
                    problems.add("Mentoring cannot end before it starts.");
                }
            }
            case CERTIFICATION -> {
                var expected = ISSUER_OF.get(v.get("credential"));
                if (expected != null && v.get("issuer") != null && !expected.equals(v.get("issuer"))) {
                    var issuerField = of(type).get(1);
                    problems.add(of(type).getFirst().display(v.get("credential")) + " is issued by "
                            + issuerField.display(expected) + ", not " + issuerField.display(v.get("issuer")) + ".");
                }
                if (isBefore(v.get("expiresOn"), v.get("issuedOn"))
                        || v.get("expiresOn") != null && v.get("expiresOn").equals(v.get("issuedOn"))) {
                    problems.add("A credential must expire after it was issued.");
                }
                if (isAfter(v.get("issuedOn"), today)) {
                    problems.add("Issued on cannot be in the future.");
                }
            }
            default -> {}
        }
        return problems;
    }

    private static boolean isAfter(String date, LocalDate today) {
        var d = parse(date);
        return d != null && d.isAfter(today);
    }

    private static boolean isBefore(String date, String other) {
        var a = parse(date);
        var b = parse(other);
        return a != null && b != null && a.isBefore(b);
    }

    /** A date field's stored value: ISO, so that it sorts and survives any display format. */
    public static String storedDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The date a stored value holds, or null when it holds none. */
    public static LocalDate parse(String date) {
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String article(EvidenceType type) {
        var label = type.label().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private static Field text(String key, String label, boolean required, String placeholder) {
        return new Field(key, label, Kind.TEXT, required, List.of(), null, null, placeholder);
    }

    private static Field date(String key, String label, boolean required) {
        return new Field(key, label, Kind.DATE, required, List.of(), null, null, null);
    }

    private static Field year(String key, String label, boolean required) {
        return new Field(key, label, Kind.YEAR, required, List.of(), null, null, null);
    }

    private static Field url(String key, String label, boolean required) {
        return new Field(key, label, Kind.URL, required, List.of(), null, null, "https://…");
    }

    private static Field bool(String key, String label) {
        return new Field(key, label, Kind.BOOLEAN, false, List.of(), null, null, null);
    }

    private static Field choice(String key, String label, boolean required, String... valueLabelPairs) {
        var options = new ArrayList<Option>();
        for (int i = 0; i < valueLabelPairs.length; i += 2) {
            options.add(new Option(valueLabelPairs[i], valueLabelPairs[i + 1]));
        }
        return new Field(key, label, Kind.CHOICE, required, List.copyOf(options), null, null, null);
    }

    private static Field suggestion(String key, String label, boolean required, String... suggestions) {
        return new Field(
                key,
                label,
                Kind.SUGGESTION,
                required,
                Arrays.stream(suggestions).map(s -> new Option(s, s)).toList(),
                null,
                null,
                null);
    }
}
