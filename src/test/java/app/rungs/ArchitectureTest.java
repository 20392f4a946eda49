package app.rungs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The feature-package rules of docs/decisions/0001-feature-packages.md and 0013-narrow-reads-between-features.md,
 * checked on every build. Most read the compiled classes; the constant rules read the sources, because the compiler
 * inlines constants and leaves no dependency in the bytecode.
 */
class ArchitectureTest {

    /**
     * The only classes that may run work as the all-roles system identity: start-up, scheduled jobs and demo seeding.
     * Request paths read through secured service methods that say what the caller is sanctioned to read.
     */
    static final Set<String> SYSTEM_IDENTITY_ALLOWED = Set.of(
            "app.rungs.security.service.SystemAuthentication", // the identity itself
            "app.rungs.security.service.InitialAdminCreator", // start-up: the first admin of an empty installation
            "app.rungs.privacy.service.RetentionJob", // scheduled: nightly retention
            "app.rungs.notification.service.AuditChainAlerts", // scheduled and start-up audit chain checks
            "app.rungs.notification.service.MailDispatchJob", // scheduled: the email outbox dispatcher
            "app.rungs.reminder.service.ReminderJob"); // scheduled: deadline reminders

    static final String SYSTEM_IDENTITY_PACKAGE_ALLOWED = "app.rungs.demo"; // demo seeding at start-up

    private static JavaClasses classes;
    private static List<SourceReferences.SourceFile> sources;
    private static SourceReferences references;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.rungs");
        sources = SourceReferences.read(Path.of("src/main/java"));
        references = new SourceReferences(constants(classes));
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("app.rungs.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void repositoriesAreOnlyUsedInsideTheirOwnFeature() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should(onlyBeAccessedFromTheirOwnFeature())
                .check(classes);
    }

    @Test
    void viewsNeverTouchRepositories() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .check(classes);
    }

    /**
     * REST controllers (the {@code api} packages) are views too, only in JSON: they call the secured services and never
     * reach below them, so a token sees exactly what its owner sees in the app.
     */
    @Test
    void apiControllersNeverTouchRepositoriesOrEntities() {
        noClasses()
                .that()
                .resideInAPackage("..api..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .check(classes);
        classes()
                .that()
                .resideInAPackage("..api..")
                .should(neitherUseNorReceiveEntities())
                .check(classes);
    }

    /** Packet input sources trust their caller to have authorized the read, so only services may call them. */
    @Test
    void packetInputSourcesAreCalledOnlyByServices() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..service..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(app.rungs.promotion.service.PacketInputSource.class)
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnViews() {
        noClasses()
                .that()
                .resideInAnyPackage("..service..", "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void everyRouteDeclaresWhoMayOpenIt() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(AnonymousAllowed.class)
                .check(classes);
    }

    @Test
    void everyPublicServiceMethodIsProtectedByMethodSecurity() {
        classes()
                .that()
                .areAnnotatedWith(Service.class)
                .and()
                .arePublic()
                .should(haveSecuredPublicMethods())
                .check(classes);
    }

    @Test
    void servicesAndDomainsDoNotDependOnVaadin() {
        noClasses()
                .that()
                .resideInAnyPackage("..service..", "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .because("the UI framework stays in the ui packages; services hand out plain types")
                .check(classes);
    }

    @Test
    void domainsDependOnNeitherServicesNorViews() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..service..", "..ui..")
                .check(classes);
    }

    @Test
    void theSystemIdentityIsUsedOnlyByStartUpScheduledJobsAndDemoSeeding() {
        noClasses()
                .that(notAllowedTheSystemIdentity())
                .should()
                .dependOnClassesThat(systemIdentity())
                .because("request paths read through separately secured methods, not as the system")
                .check(classes);
    }

    @Test
    void viewsNeverHoldJpaEntities() {
        classes()
                .that()
                .resideInAPackage("..ui..")
                .should(neitherUseNorReceiveEntities())
                .check(classes);
    }

    @Test
    void rolesAreNamedThroughAppRolesInRolesAllowed() {
        var violations = new ArrayList<String>();
        for (var file : sources) {
            for (var literal : SourceReferences.roleLiteralsInRolesAllowed(file)) {
                violations.add(
                        file.path() + ": @RolesAllowed names \"" + literal + "\" instead of an AppRoles constant");
            }
            for (var constant : references.constantsReferencedBy(file)) {
                if (constant.owner().equals("app.rungs.security.domain.Role")) {
                    violations.add(file.path() + ": uses " + constant + "; role names come from AppRoles");
                }
            }
        }
        assertThat(violations).as("role names outside AppRoles").isEmpty();
    }

    /**
     * The way {@code Role.ADMIN_NAME} hid {@code audit -> security}: a feature that depends on another only through
     * its constants has a dependency no bytecode rule sees. Constants of a feature already used through its API are
     * visible (and counted in the cycle rule below); shared names belong in {@code app.rungs.shared}.
     */
    @Test
    void noFeatureDependsOnAnotherOnlyThroughInlinedConstants() {
        var visible = bytecodeGraph();
        var violations = new ArrayList<String>();
        for (var file : sources) {
            for (var constant : references.constantsReferencedBy(file)) {
                var owner = constant.feature();
                if (!owner.equals(file.feature())
                        && !owner.equals("shared")
                        && !file.feature().isEmpty()
                        && !visible.has(file.feature(), owner)) {
                    violations.add(file.path() + " uses " + constant + " of feature " + owner
                            + ", its only dependency on " + owner);
                }
            }
        }
        assertThat(violations)
                .as("dependencies through inlined constants only; share the name in app.rungs.shared")
                .isEmpty();
    }

    @Test
    void featuresHaveNoCyclesCountingInlinedConstants() {
        var graph = bytecodeGraph();
        for (var file : sources) {
            for (var constant : references.constantsReferencedBy(file)) {
                graph.add(file.feature(), constant.feature(), file.path() + " uses constant " + constant);
            }
        }
        assertThat(graph.cycles()).as("cycles between features").isEmpty();
    }

    private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnFeature() {
        return new ArchCondition<>("only be accessed from their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                var feature = feature(repository);
                repository.getAccessesToSelf().forEach(access -> {
                    var origin = access.getOriginOwner();
                    if (!feature(origin).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(
                                access,
                                origin.getName() + " uses " + repository.getSimpleName() + " of feature " + feature));
                    }
                });
                repository.getDirectDependenciesToSelf().forEach(dependency -> {
                    var origin = dependency.getOriginClass();
                    if (!feature(origin).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                origin.getName() + " depends on " + repository.getSimpleName() + " of feature "
                                        + feature));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaClass> haveSecuredPublicMethods() {
        // Only @PreAuthorize counts: JSR-250 method security is off, so @RolesAllowed stays a view-level annotation
        // read by Vaadin's navigation access control and views are not wrapped in security proxies.
        return new ArchCondition<>("protect every public method with @PreAuthorize") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                service.getMethods().stream()
                        .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                        .filter(m -> !m.getName().equals("equals")
                                && !m.getName().equals("hashCode")
                                && !m.getName().equals("toString"))
                        .filter(m -> !m.isAnnotatedWith(PreAuthorize.class))
                        .filter(m -> !service.isAnnotatedWith(PreAuthorize.class))
                        .forEach(m -> events.add(SimpleConditionEvent.violated(
                                m, m.getFullName() + " has no method security annotation")));
            }
        };
    }

    private static FeatureGraph bytecodeGraph() {
        var graph = new FeatureGraph();
        for (var type : classes) {
            type.getDirectDependenciesFromSelf()
                    .forEach(d -> graph.add(feature(type), feature(d.getTargetClass()), d.getDescription()));
        }
        return graph;
    }

    private static DescribedPredicate<JavaClass> notAllowedTheSystemIdentity() {
        return DescribedPredicate.describe(
                "are not start-up, scheduled jobs or demo seeding",
                type -> !type.getPackageName().startsWith(SYSTEM_IDENTITY_PACKAGE_ALLOWED)
                        && !SYSTEM_IDENTITY_ALLOWED.contains(topLevel(type).getName()));
    }

    private static DescribedPredicate<JavaClass> systemIdentity() {
        return DescribedPredicate.describe(
                "run work as the system identity (SystemAuthentication, AsSystem)",
                type -> type.getName().equals("app.rungs.security.service.SystemAuthentication")
                        || type.getSimpleName().equals("AsSystem"));
    }

    private static JavaClass topLevel(JavaClass type) {
        var current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(Embeddable.class);
    }

    /** Neither a dependency on an entity class nor a call of a method whose (generic) return type names one. */
    private static ArchCondition<JavaClass> neitherUseNorReceiveEntities() {
        return new ArchCondition<>("neither use nor receive JPA entities") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                view.getDirectDependenciesFromSelf().stream()
                        .filter(d -> isEntity(d.getTargetClass()))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                view.getMethodCallsFromSelf()
                        .forEach(call -> call.getTarget()
                                .resolveMember()
                                .ifPresent(method -> method.getReturnType().getAllInvolvedRawTypes().stream()
                                        .filter(ArchitectureTest::isEntity)
                                        .forEach(entity -> events.add(SimpleConditionEvent.violated(
                                                call,
                                                call.getDescription() + " returns entity "
                                                        + entity.getSimpleName())))));
            }
        };
    }

    /** Every constant the compiler may inline: non-private static final Strings and primitives of the app. */
    private static List<SourceReferences.Constant> constants(JavaClasses classes) {
        var constants = new ArrayList<SourceReferences.Constant>();
        for (var type : classes) {
            if (type.isAnonymousClass() || type.isLocalClass()) {
                continue;
            }
            for (var field : type.getFields()) {
                var modifiers = field.getModifiers();
                var raw = field.getRawType();
                if (modifiers.contains(JavaModifier.STATIC)
                        && modifiers.contains(JavaModifier.FINAL)
                        && !modifiers.contains(JavaModifier.PRIVATE)
                        && (raw.isPrimitive() || raw.getName().equals(String.class.getName()))) {
                    constants.add(new SourceReferences.Constant(type.getName().replace('$', '.'), field.getName()));
                }
            }
        }
        return constants;
    }

    /** Dependencies between features (top-level packages under app.rungs), each edge with its first example. */
    static final class FeatureGraph {

        private final Map<String, Map<String, String>> edges = new TreeMap<>();

        void add(String from, String to, String example) {
            if (!from.isEmpty() && !to.isEmpty() && !from.equals(to)) {
                edges.computeIfAbsent(from, f -> new TreeMap<>()).putIfAbsent(to, example);
            }
        }

        boolean has(String from, String to) {
            return edges.getOrDefault(from, Map.of()).containsKey(to);
        }

        /** One description per cycle found, each step with an example of the dependency. */
        List<String> cycles() {
            var found = new TreeSet<String>();
            for (var start : edges.keySet()) {
                walk(start, new ArrayList<>(List.of(start)), found);
            }
            return List.copyOf(found);
        }

        private void walk(String start, List<String> path, Set<String> found) {
            var last = path.get(path.size() - 1);
            for (var next : edges.getOrDefault(last, Map.of()).keySet()) {
                if (next.equals(start)) {
                    var steps = new ArrayList<String>();
                    for (int i = 0; i < path.size(); i++) {
                        var from = path.get(i);
                        var to = i + 1 < path.size() ? path.get(i + 1) : start;
                        steps.add(from + " -> " + to + " (" + edges.get(from).get(to) + ")");
                    }
                    // Reported once, from its alphabetically first feature.
                    if (path.stream().allMatch(f -> start.compareTo(f) <= 0)) {
                        found.add(String.join("; ", steps));
                    }
                } else if (!path.contains(next) && start.compareTo(next) < 0) {
                    path.add(next);
                    walk(start, path, found);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    private static String feature(JavaClass type) {
        var name = type.getPackageName();
        if (!name.equals("app.rungs") && !name.startsWith("app.rungs.")) {
            return "";
        }
        var rest = name.substring("app.rungs".length());
        if (rest.isEmpty()) {
            return "";
        }
        var parts = rest.substring(1).split("\\.");
        return parts[0];
    }
}
