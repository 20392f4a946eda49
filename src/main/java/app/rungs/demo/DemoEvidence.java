package app.rungs.demo;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.security.service.SystemAuthentication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Gives engineers of every demo team a realistic mix of promotion evidence — every type, in every status — mapped to
 * competencies of their next level. Each item is logged and reviewed through the secured services as the engineer
 * and their manager would, so the audit log reads like real use.
 *
 * <p>Runs after {@link DemoOrganization} with the same enablement rule, and only while no evidence exists.
 */
@Component
@Order(10)
class DemoEvidence implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEvidence.class);

    private final String mode;
    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final EvidenceService evidence;
    private final UserDetailsService users;
    private LocalDate today;

    DemoEvidence(
            @Value("${rungs.demo.mode:auto}") String mode,
            ObjectProvider<EmbeddedPostgres> embedded,
            EvidenceService evidence,
            UserDetailsService users) {
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
        this.embedded = embedded;
        this.evidence = evidence;
        this.users = users;
    }

    /** The rule of {@link DemoOrganization#enabled()}. */
    boolean enabled() {
        return switch (mode) {
            case "on", "true", "always" -> true;
            case "off", "false", "never" -> false;
            default -> embedded.getIfAvailable() != null;
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled() || SystemAuthentication.call(evidence::countAll) > 0 || !exists(LENA)) {
            return;
        }
        long started = System.nanoTime();
        today = LocalDate.now();
        int count = seed();
        log.info("Seeded {} demo evidence items in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private static final String DANIEL = "daniel.okafor@rungs.demo";
    private static final String SOFIA = "sofia.rossi@rungs.demo";
    private static final String MARCUS = "marcus.johnson@rungs.demo";
    private static final String ELENA = "elena.volkova@rungs.demo";
    private static final String PRIYA = "priya.natarajan@rungs.demo";
    private static final String LENA = "lena.fischer@rungs.demo";

    private enum Outcome {
        DRAFT,
        SUBMITTED,
        ACKNOWLEDGED,
        RETURNED
    }

    private int seed() {
        int n = 0;
        // ------------------------------------------------------------ Storage Platform (Daniel Okafor)
        var partition = log(
                LENA,
                DANIEL,
                in(
                        EvidenceType.INCIDENT_POSTMORTEM,
                        "Postmortem INC-2291: metadata quorum lost during a top-of-rack partition",
                        74,
                        "DSE-3",
                        List.of(
                                "failure-modes-network-partitions",
                                "incident-response-postmortems",
                                "fault-tolerance-resilience"),
                        """
                        A top-of-rack switch in **zone b** dropped traffic asymmetrically for 11 minutes. Two of the
                        five metadata Raft members could still reach clients but not the leader, and kept serving
                        stale reads from their local state.

                        What I did:
                        - led the investigation and wrote the postmortem (timeline, contributing factors, five action items);
                        - reproduced the asymmetric partition with `tc` and iptables in the staging cluster;
                        - added a partition test to CI that fails when a follower serves reads without a valid lease.
                        """,
                        "Stale reads now refuse after 2 s without a leader lease; the CI partition test has caught two"
                                + " regressions since. Metadata availability during the last two switch failures stayed"
                                + " above 99.95%.",
                        List.of("https://wiki.rungs.demo/postmortems/INC-2291"),
                        details(
                                "incidentId", "INC-2291",
                                "incidentDate", today.minusDays(80).toString(),
                                "severity", "SEV2",
                                "role", "POSTMORTEM_AUTHOR",
                                "systemsAffected", "Object-store metadata service (Raft group), replication pipeline",
                                "failureMode", "NETWORK_PARTITION",
                                "postmortemLink", "https://wiki.rungs.demo/postmortems/INC-2291")),
                Outcome.ACKNOWLEDGED,
                "Exactly the partition analysis DSE-3 asks for. The CI test is a great follow-through.",
                List.of(
                        new File("INC-2291-postmortem.pdf", postmortemPdf()),
                        new File("INC-2291-timeline.md", TIMELINE.getBytes(StandardCharsets.UTF_8))));
        n++;
        var fencing = log(
                LENA,
                DANIEL,
                in(
                        EvidenceType.DESIGN_DOCUMENT,
                        "Design: lease-based replica fencing for the metadata store",
                        30,
                        "DSE-3",
                        List.of("architecture-tradeoff-analysis", "replication-strategies", "consensus-algorithms"),
                        """
                        Compares three ways to stop a deposed leader from accepting writes: **epoch fencing tokens**,
                        leader leases bounded by clock-drift assumptions, and quorum reads on every write.
                        Recommends fencing tokens issued by the lease service, with a decision matrix covering
                        latency, failure behaviour under partitions and operational cost.
                        """,
                        "Accepted by Storage Platform and SRE; implementation planned for next quarter.",
                        List.of("https://docs.rungs.demo/design/metadata-fencing"),
                        details(
                                "documentKind", "DESIGN_DOC",
                                "documentStatus", "ACCEPTED",
                                "documentLink", "https://docs.rungs.demo/design/metadata-fencing",
                                "reviewers", "Storage Platform, SRE, Ravi Iyer")),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        as(DANIEL, () -> {
            evidence.comment(
                    fencing, "Can you add the failure-mode table for lease expiry during a partition to the doc?");
            return null;
        });
        as(LENA, () -> {
            evidence.comment(fencing, "Added as section 5, with the clock-drift bound we assume (250 ms).");
            return null;
        });
        log(
                LENA,
                DANIEL,
                in(
                        EvidenceType.OPEN_SOURCE,
                        "Apache ZooKeeper: fix session-expiry race in the Java client",
                        120,
                        "DSE-3",
                        List.of("open-source-standards", "coordination-services"),
                        "Found while debugging lost ephemeral nodes in our leader election: the client could reuse"
                                + " a session id after expiry. Upstreamed a fix with a reproducer test.",
                        "We dropped our internal patch; two other companies confirmed the fix on the mailing list.",
                        List.of(),
                        details(
                                "project", "Apache ZooKeeper",
                                "contributionLink", "https://github.com/apache/zookeeper/pull/2154",
                                "merged", "true")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                LENA,
                DANIEL,
                in(
                        EvidenceType.MENTORING,
                        "Onboarded Tomás Novák to the replication pipeline",
                        45,
                        "DSE-3",
                        List.of("technical-leadership-mentoring"),
                        "Weekly pairing for six weeks, an onboarding guide for the replication pipeline and review of"
                                + " his first three changes.",
                        "Tomás joined the on-call rotation after eight weeks.",
                        List.of("https://docs.rungs.demo/onboarding/replication"),
                        details(
                                "mentee",
                                "Tomás Novák",
                                "format",
                                "ONBOARDING",
                                "from",
                                today.minusDays(100).toString(),
                                "until",
                                today.minusDays(45).toString())),
                Outcome.RETURNED,
                "Good start. Add what Tomás shipped on his own after the onboarding, and link the guide's review"
                        + " comments, so it shows the growth DSE-3 mentoring asks for.",
                List.of());
        n++;
        log(
                LENA,
                DANIEL,
                in(
                        EvidenceType.TALK,
                        "Tech talk: fencing tokens in practice",
                        6,
                        "DSE-3",
                        List.of("failure-modes-network-partitions", "technical-leadership-mentoring"),
                        "Internal talk for the infrastructure guild on why leases alone do not prevent split brain.",
                        null,
                        List.of(),
                        details("event", "Infrastructure guild", "audience", "INTERNAL")),
                Outcome.DRAFT,
                null,
                List.of());
        n++;
        log(
                "olga.petrova@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.INCIDENT_POSTMORTEM,
                        "Postmortem INC-2347: clock skew expired healthy leases on two storage nodes",
                        21,
                        "DSE-3",
                        List.of("distributed-system-clocks", "incident-response-postmortems", "observability"),
                        "NTP on two nodes followed a misconfigured upstream and drifted 900 ms in an hour; their"
                                + " leases expired early and both nodes left the ring. I was the responder who"
                                + " correlated the lease churn with the chrony offsets.",
                        "Clock-offset alert at 100 ms added to every storage node; lease checks now use the monotonic"
                                + " clock.",
                        List.of(),
                        details(
                                "incidentId", "INC-2347",
                                "incidentDate", today.minusDays(24).toString(),
                                "severity", "SEV3",
                                "role", "RESPONDER",
                                "systemsAffected", "Storage ring membership, lease service",
                                "failureMode", "CLOCK_SKEW")),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "olga.petrova@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.CERTIFICATION,
                        "AWS Certified Solutions Architect – Associate",
                        200,
                        "DSE-3",
                        List.of("scalability", "container-orchestration"),
                        "Preparation focused on multi-AZ storage designs and failure-domain isolation.",
                        "Used the multi-AZ patterns in the cold-tier migration plan.",
                        List.of(),
                        details(
                                "credential", "AWS_SA_ASSOCIATE",
                                "issuer", "AWS",
                                "credentialId", "AWS-SAA-7F3K-2291",
                                "issuedOn", today.minusDays(200).toString(),
                                "expiresOn", today.minusDays(200).plusYears(3).toString(),
                                "verificationLink", "https://aws.amazon.com/verification")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "olga.petrova@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.DESIGN_DOCUMENT,
                        "ADR: erasure coding instead of 3× replication for the cold tier",
                        3,
                        "DSE-3",
                        List.of("replication-strategies", "architecture-tradeoff-analysis", "capacity-planning"),
                        "Reed-Solomon 10+4 versus 3× replication: storage cost, rebuild traffic and tail latency.",
                        null,
                        List.of(),
                        details(
                                "documentKind", "ADR",
                                "documentStatus", "IN_REVIEW",
                                "documentLink", "https://docs.rungs.demo/adr/0042-cold-tier-erasure-coding")),
                Outcome.DRAFT,
                null,
                List.of());
        n++;
        log(
                "hannah.lee@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.DEGREE,
                        "M.S. in Computer Science, ETH Zürich",
                        900,
                        "DSE-3",
                        List.of("distributed-computing-models", "consensus-algorithms"),
                        "Master's thesis on reconfiguration in Raft-based storage systems.",
                        "Thesis results informed our membership-change runbook.",
                        List.of(),
                        details(
                                "degree", "MS",
                                "field", "Computer Science (Distributed Systems)",
                                "institution", "ETH Zürich",
                                "year", String.valueOf(today.minusDays(900).getYear()),
                                "thesis", "Safe joint consensus for Raft-replicated storage")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "hannah.lee@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.PUBLICATION,
                        "Tail-latency-aware compaction scheduling (workshop paper)",
                        40,
                        "DSE-3",
                        List.of("latency-throughput-under-load", "distributed-file-systems", "benchmarking"),
                        "Workshop paper with Mateo Alvarez on scheduling LSM compactions away from p99 peaks.",
                        "p99 read latency during compaction dropped 38% in production.",
                        List.of(),
                        details(
                                "venue", "USENIX HotStorage",
                                "kind", "WORKSHOP",
                                "doi", "10.1145/3655038.3665943",
                                "peerReviewed", "true",
                                "coAuthors", "Mateo Alvarez",
                                "year", String.valueOf(today.getYear()))),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "mateo.alvarez@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.PUBLICATION,
                        "Adaptive quorum placement for geo-replicated metadata (IEEE TPDS)",
                        150,
                        "SPE-1",
                        List.of("publications-research", "consistency-models-cap", "replication-strategies"),
                        "Journal article on placing Raft voters across regions to bound commit latency while keeping"
                                + " a majority available through one regional outage.",
                        "The placement model runs in our control plane and cut cross-region commit p50 by 31%.",
                        List.of(),
                        details(
                                "venue", "IEEE TPDS",
                                "kind", "JOURNAL",
                                "doi", "10.1109/TPDS.2025.3551234",
                                "peerReviewed", "true",
                                "coAuthors", "A. Rahman, R. Iyer",
                                "year", String.valueOf(today.minusDays(150).getYear()))),
                Outcome.ACKNOWLEDGED,
                "Strong research-grade contribution grounded in our systems.",
                List.of());
        n++;
        log(
                "mateo.alvarez@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.INCIDENT_POSTMORTEM,
                        "Incident commander, INC-2188: thundering herd after cache cluster restart",
                        190,
                        "SPE-1",
                        List.of("incident-response-postmortems", "distributed-caching", "back-pressure-flow-control"),
                        "A rolling restart emptied the metadata cache; 40k clients retried in lockstep and"
                                + " overloaded the metadata service. I ran the incident and coordinated three teams.",
                        "Request coalescing and jittered client backoff shipped in two weeks; restart is now routine.",
                        List.of(),
                        details(
                                "incidentId", "INC-2188",
                                "incidentDate", today.minusDays(195).toString(),
                                "severity", "SEV1",
                                "role", "INCIDENT_COMMANDER",
                                "systemsAffected", "Metadata cache, metadata service, client SDK",
                                "failureMode", "THUNDERING_HERD")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "kwame.mensah@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.STANDARDS,
                        "Apache BookKeeper committer",
                        260,
                        "SPE-1",
                        List.of("open-source-standards", "message-queues-event-streaming"),
                        "Voted in as committer after a year of ledger-recovery fixes and reviews.",
                        "We influence the roadmap of the log storage we depend on.",
                        List.of(),
                        details(
                                "body", "ASF",
                                "group", "Apache BookKeeper",
                                "asfRole", "COMMITTER",
                                "link", "https://bookkeeper.apache.org/community/")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "kwame.mensah@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.CERTIFICATION,
                        "IEEE Certified Software Development Professional",
                        330,
                        "SPE-1",
                        List.of("testing-methodology", "architecture-tradeoff-analysis"),
                        "IEEE Computer Society CSDP, covering requirements, design, testing and maintenance.",
                        "Used the design-review checklist from the body of knowledge in our architecture reviews.",
                        List.of(),
                        details(
                                "credential", "IEEE_CSDP",
                                "issuer", "IEEE_COMPUTER_SOCIETY",
                                "credentialId", "CSDP-2024-10382",
                                "issuedOn", today.minusDays(330).toString())),
                Outcome.RETURNED,
                "Please link the verification page so the credential can be checked.",
                List.of());
        n++;
        log(
                "tomas.novak@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.INCIDENT_POSTMORTEM,
                        "Responder, INC-2402: compaction nodes ran out of disk",
                        12,
                        "DSE-2",
                        List.of("incident-response-postmortems", "capacity-planning"),
                        "Paged as secondary; found the runaway compaction and freed space safely with the runbook.",
                        "Added a disk-headroom alert that fires four hours earlier.",
                        List.of(),
                        details(
                                "incidentId", "INC-2402",
                                "incidentDate", today.minusDays(13).toString(),
                                "severity", "SEV3",
                                "role", "RESPONDER",
                                "systemsAffected", "Compaction workers",
                                "failureMode", "RESOURCE_EXHAUSTION")),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "tomas.novak@rungs.demo",
                DANIEL,
                in(
                        EvidenceType.OTHER,
                        "Completed the on-call shadowing rotation",
                        20,
                        "DSE-2",
                        List.of("incident-response-postmortems", "observability"),
                        "Four weeks shadowing the primary on-call, including two night pages.",
                        "Ready to take primary on-call for the compaction workers.",
                        List.of(),
                        details("category", "On-call readiness")),
                Outcome.DRAFT,
                null,
                List.of());
        n++;

        // ------------------------------------------------------------ Service Mesh & Edge (Sofia Rossi)
        log(
                "ethan.brooks@rungs.demo",
                SOFIA,
                in(
                        EvidenceType.CERTIFICATION,
                        "AWS Certified Solutions Architect – Professional",
                        140,
                        "DSE-3",
                        List.of("scalability", "load-balancing", "service-discovery"),
                        "Professional-level certification with a focus on multi-region edge architectures.",
                        "Drove the multi-region failover design for the edge proxies.",
                        List.of(),
                        details(
                                "credential", "AWS_SA_PROFESSIONAL",
                                "issuer", "AWS",
                                "credentialId", "AWS-SAP-4821-77",
                                "issuedOn", today.minusDays(140).toString(),
                                "expiresOn", today.minusDays(140).plusYears(3).toString())),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "ethan.brooks@rungs.demo",
                SOFIA,
                in(
                        EvidenceType.INCIDENT_POSTMORTEM,
                        "Postmortem INC-2366: retry storm cascaded through the edge proxies",
                        16,
                        "DSE-3",
                        List.of("circuit-breaker-pattern", "failure-modes-network-partitions", "service-mesh"),
                        "An auth dependency slowed down; unbounded retries in three services multiplied load 9× and"
                                + " took the edge down for 14 minutes.",
                        "Retry budgets and circuit breakers are now mandatory in the mesh config.",
                        List.of(),
                        details(
                                "incidentId", "INC-2366",
                                "incidentDate", today.minusDays(18).toString(),
                                "severity", "SEV1",
                                "role", "POSTMORTEM_AUTHOR",
                                "systemsAffected", "Edge proxies, auth service",
                                "failureMode", "CASCADING_FAILURE")),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "ethan.brooks@rungs.demo",
                SOFIA,
                in(
                        EvidenceType.OPEN_SOURCE,
                        "Envoy: outlier detection for gRPC status codes",
                        70,
                        "DSE-3",
                        List.of("open-source-standards", "load-balancing"),
                        "Proposed and implemented ejecting hosts on configurable gRPC status codes.",
                        "We run upstream Envoy again instead of a fork.",
                        List.of(),
                        details(
                                "project", "Envoy Proxy",
                                "contributionLink", "https://github.com/envoyproxy/envoy/pull/35201",
                                "merged", "true")),
                Outcome.RETURNED,
                "Envoy is a CNCF project: the link and merge are great, but say which part you wrote versus"
                        + " the maintainers' follow-ups.",
                List.of());
        n++;
        log(
                "mei.chen@rungs.demo",
                SOFIA,
                in(
                        EvidenceType.DESIGN_DOCUMENT,
                        "RFC: zone-aware load balancing for the service mesh",
                        95,
                        "SPE-1",
                        List.of("load-balancing", "failure-domain-isolation", "architecture-tradeoff-analysis"),
                        "Keeps traffic in-zone while zones are healthy and spills over by weighted capacity.",
                        "Cross-zone traffic down 62%; one zone's outage no longer overloads the others.",
                        List.of(),
                        details(
                                "documentKind", "RFC",
                                "documentStatus", "IMPLEMENTED",
                                "documentLink", "https://docs.rungs.demo/rfc/mesh-zone-aware-lb")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "mei.chen@rungs.demo",
                SOFIA,
                in(
                        EvidenceType.CERTIFICATION,
                        "Microsoft Certified: Azure Solutions Architect Expert",
                        25,
                        "SPE-1",
                        List.of("microservices-architecture", "scalability"),
                        "Needed for the hybrid-cloud ingress project.",
                        "Designed the Azure side of the hybrid ingress.",
                        List.of(),
                        details(
                                "credential", "AZURE_SA_EXPERT",
                                "issuer", "MICROSOFT",
                                "credentialId", "AZ-305-99812",
                                "issuedOn", today.minusDays(25).toString(),
                                "expiresOn", today.minusDays(25).plusYears(1).toString())),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "fatima.zahra@rungs.demo",
                SOFIA,
                in(
                        EvidenceType.CERTIFICATION,
                        "Google Cloud Professional Cloud Architect",
                        8,
                        "DSE-3",
                        List.of("container-orchestration", "serverless-distributed-systems"),
                        "Certification for the GKE migration of the edge control plane.",
                        null,
                        List.of(),
                        details(
                                "credential", "GCP_PCA",
                                "issuer", "GOOGLE_CLOUD",
                                "credentialId", "GCP-PCA-31337",
                                "issuedOn", today.minusDays(8).toString())),
                Outcome.DRAFT,
                null,
                List.of());
        n++;

        // ------------------------------------------------------------ Streaming & Events (Marcus Johnson)
        log(
                "chloe.dubois@rungs.demo",
                MARCUS,
                in(
                        EvidenceType.INCIDENT_POSTMORTEM,
                        "Postmortem INC-2310: split brain in the event-log controller quorum",
                        60,
                        "DSE-3",
                        List.of(
                                "leader-election",
                                "failure-modes-network-partitions",
                                "message-queues-event-streaming"),
                        "Two controllers both believed they were active for 40 s after a GC pause; partition"
                                + " reassignment diverged. Wrote the postmortem and the fencing fix.",
                        "Controller epochs are now checked on every metadata write; no divergence since.",
                        List.of(),
                        details(
                                "incidentId", "INC-2310",
                                "incidentDate", today.minusDays(64).toString(),
                                "severity", "SEV2",
                                "role", "POSTMORTEM_AUTHOR",
                                "systemsAffected", "Event-log controller, partition reassignment",
                                "failureMode", "SPLIT_BRAIN")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "chloe.dubois@rungs.demo",
                MARCUS,
                in(
                        EvidenceType.OPEN_SOURCE,
                        "Apache Kafka: idempotent producer fix for epoch bumps",
                        35,
                        "DSE-3",
                        List.of("idempotency-exactly-once", "open-source-standards"),
                        "Fixed duplicate sequence numbers after a producer epoch bump; reviewed by two committers.",
                        "Exactly-once pipelines stopped reporting rare duplicates.",
                        List.of(),
                        details(
                                "project", "Apache Kafka",
                                "contributionLink", "https://github.com/apache/kafka/pull/16012",
                                "merged", "false")),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "arjun.mehta@rungs.demo",
                MARCUS,
                in(
                        EvidenceType.PUBLICATION,
                        "Exactly-once stream processing across regions (VLDB industry track)",
                        50,
                        "SPE-1",
                        List.of("publications-research", "distributed-transactions", "cqrs-event-sourcing"),
                        "Industry paper on transactional sinks spanning two regions.",
                        "Design adopted by the billing pipeline.",
                        List.of(),
                        details(
                                "venue", "VLDB",
                                "kind", "CONFERENCE",
                                "doi", "10.14778/3685800.3685811",
                                "peerReviewed", "true",
                                "coAuthors", "C. Dubois, N. Kowalski",
                                "year", String.valueOf(today.getYear()))),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "arjun.mehta@rungs.demo",
                MARCUS,
                in(
                        EvidenceType.MENTORING,
                        "Ran the distributed systems reading group",
                        110,
                        "SPE-1",
                        List.of("technical-leadership-mentoring"),
                        "Twelve sessions on Raft, Spanner, Dynamo, CRDTs and metastable failures for eight engineers.",
                        "Two participants led design reviews afterwards.",
                        List.of(),
                        details(
                                "mentee",
                                "Streaming & Events engineers",
                                "format",
                                "READING_GROUP",
                                "from",
                                today.minusDays(200).toString(),
                                "until",
                                today.minusDays(110).toString())),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;

        // ------------------------------------------------------------ Protocol Research & Security (Elena Volkova)
        log(
                "maya.patel@rungs.demo",
                ELENA,
                in(
                        EvidenceType.STANDARDS,
                        "IETF QUIC WG: review comments on multipath QUIC",
                        85,
                        "DSE-3",
                        List.of("open-source-standards", "tcp-ip-networking"),
                        "Reviewed path-validation and scheduling sections; two comments incorporated in -07.",
                        "Our edge team can plan multipath support against a stable draft.",
                        List.of("https://datatracker.ietf.org/doc/draft-ietf-quic-multipath/"),
                        details(
                                "body", "IETF",
                                "group", "IETF QUIC WG",
                                "document", "draft-ietf-quic-multipath",
                                "link", "https://datatracker.ietf.org/doc/draft-ietf-quic-multipath/")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "maya.patel@rungs.demo",
                ELENA,
                in(
                        EvidenceType.PUBLICATION,
                        "Preprint: gossip membership under asymmetric partitions",
                        10,
                        "DSE-3",
                        List.of("gossip-protocols", "publications-research"),
                        "Simulation study of SWIM-style membership when links fail in one direction only.",
                        null,
                        List.of(),
                        details(
                                "venue", "arXiv",
                                "kind", "PREPRINT",
                                "coAuthors", "W. Zhang",
                                "year", String.valueOf(today.getYear()))),
                Outcome.DRAFT,
                null,
                List.of());
        n++;
        log(
                "wei.zhang@rungs.demo",
                ELENA,
                in(
                        EvidenceType.PUBLICATION,
                        "Verifying Raft reconfiguration with TLA+ (ACM SOSP)",
                        55,
                        "DSE-3",
                        List.of("publications-research", "consensus-algorithms", "testing-methodology"),
                        "Co-authored the SOSP paper; wrote the TLA+ model that found the joint-consensus bug.",
                        "The model runs in CI for our consensus library.",
                        List.of(),
                        details(
                                "venue", "ACM SOSP",
                                "kind", "CONFERENCE",
                                "doi", "10.1145/3694715.3695953",
                                "peerReviewed", "true",
                                "coAuthors", "H. Sato, I. Larsen",
                                "year", String.valueOf(today.minusDays(55).getYear()))),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        log(
                "wei.zhang@rungs.demo",
                ELENA,
                in(
                        EvidenceType.DEGREE,
                        "Ph.D. in Computer Science, University of Washington",
                        700,
                        "DSE-3",
                        List.of("consensus-algorithms", "distributed-system-clocks"),
                        "Dissertation on hybrid logical clocks for geo-distributed transactions.",
                        "Basis of our HLC library.",
                        List.of(),
                        details(
                                "degree", "PHD",
                                "field", "Computer Science",
                                "institution", "University of Washington",
                                "year", String.valueOf(today.minusDays(700).getYear()),
                                "thesis", "Hybrid logical clocks for geo-distributed transactions")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;
        log(
                "leila.ahmadi@rungs.demo",
                ELENA,
                in(
                        EvidenceType.TALK,
                        "ApacheCon: mutual TLS everywhere without downtime",
                        65,
                        "SPE-1",
                        List.of("encryption-in-transit-at-rest", "authentication-federation"),
                        "Conference talk on rolling out mTLS across 300 services with staged enforcement.",
                        "Three companies reached out to reuse the rollout plan.",
                        List.of(),
                        details(
                                "event", "ApacheCon North America",
                                "audience", "CONFERENCE",
                                "recordingLink", "https://www.youtube.com/watch?v=rungs-demo-mtls")),
                Outcome.ACKNOWLEDGED,
                null,
                List.of());
        n++;

        // Daniel's own evidence goes to his director.
        log(
                DANIEL,
                PRIYA,
                in(
                        EvidenceType.MENTORING,
                        "Grew two engineers into subsystem owners",
                        30,
                        "SPE-2",
                        List.of("technical-leadership-mentoring"),
                        "Mentored Mateo Alvarez and Kwame Mensah through owning replication and compaction.",
                        "Both now lead their subsystems' design reviews.",
                        List.of(),
                        details(
                                "mentee", "Mateo Alvarez, Kwame Mensah",
                                "format", "ONE_ON_ONE",
                                "from", today.minusDays(400).toString())),
                Outcome.SUBMITTED,
                null,
                List.of());
        n++;
        return n;
    }

    private record File(String name, byte[] content) {}

    private Long log(
            String owner, String manager, EvidenceInput input, Outcome outcome, String review, List<File> files) {
        var id = as(owner, () -> evidence.create(input, false));
        for (var f : files) {
            as(owner, () -> evidence.addAttachment(id, f.name(), f.content()));
        }
        if (outcome == Outcome.DRAFT) {
            return id;
        }
        as(owner, () -> {
            evidence.submit(id, evidence.details(id).version());
            return null;
        });
        if (outcome == Outcome.ACKNOWLEDGED) {
            as(manager, () -> {
                evidence.acknowledge(id, evidence.details(id).version(), review);
                return null;
            });
        } else if (outcome == Outcome.RETURNED) {
            as(manager, () -> {
                evidence.returnForChanges(id, evidence.details(id).version(), review);
                return null;
            });
        }
        return id;
    }

    private EvidenceInput in(
            EvidenceType type,
            String title,
            int daysAgo,
            String level,
            List<String> competencies,
            String description,
            String impact,
            List<String> links,
            Map<String, String> details) {
        return new EvidenceInput(
                type,
                title,
                today.minusDays(daysAgo),
                description == null ? null : description.strip(),
                impact,
                level,
                competencies,
                links,
                details);
    }

    private static Map<String, String> details(String... keyValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private boolean exists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** Runs work signed in as a demo user, through the same method security as their session. */
    private <T> T as(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static final String TIMELINE = """
            # INC-2291 timeline (UTC)

            - 09:42 ToR switch tor-b7 starts dropping packets from rack b7 to rack b3 (one direction only)
            - 09:43 metadata followers m4, m5 lose the leader; clients still reach them
            - 09:44 stale-read alarms on bucket listings; on-call paged
            - 09:51 asymmetric partition identified with mtr from both racks
            - 09:53 m4, m5 drained from the client pool
            - 09:54 switch port flapped down by network on-call; traffic recovers
            - 10:20 incident closed; postmortem owner: Lena Fischer
            """;

    /** A small, valid one-page PDF with the postmortem summary. */
    static byte[] postmortemPdf() {
        var text = List.of(
                "Postmortem INC-2291",
                "Metadata quorum lost during a top-of-rack partition",
                "Severity SEV2 - failure mode: network partition",
                "Author: Lena Fischer, Storage Platform");
        var stream = new StringBuilder("BT /F1 14 Tf 72 740 Td 18 TL\n");
        for (var line : text) {
            stream.append('(').append(line).append(") Tj T*\n");
        }
        stream.append("ET\n");
        var objects = new ArrayList<String>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new ArrayList<Integer>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (var offset : offsets) {
            pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
