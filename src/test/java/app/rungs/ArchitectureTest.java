package app.rungs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The feature-package rules of docs/decisions/0001-feature-packages.md, checked on every build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.rungs");
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
                        .filter(m -> m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
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

    private static String feature(JavaClass type) {
        var name = type.getPackageName();
        var rest = name.substring("app.rungs".length());
        if (rest.isEmpty()) {
            return "";
        }
        var parts = rest.substring(1).split("\\.");
        return parts[0];
    }
}
