package app.rungs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One date and time format everywhere: screens format through shared.ui.Formats (the user's locale and zone), text
 * for later readers through shared.domain.DateTexts. Nothing else builds a formatter or prints a date's ISO form.
 */
class DateFormatArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.rungs");
    }

    @Test
    void onlyFormatsAndDateTextsFormatDates() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("app.rungs.shared.ui.Formats")
                .and()
                .doNotHaveFullyQualifiedName("app.rungs.shared.domain.DateTexts")
                // The audit chain hashes a fixed machine form of each timestamp; it is never shown.
                .and()
                .doNotHaveFullyQualifiedName("app.rungs.audit.service.AuditChainHash")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(DateTimeFormatter.class.getName())
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(DateTimeFormatterBuilder.class.getName())
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(FormatStyle.class.getName())
                .because("dates are shown in one format, from shared.ui.Formats or shared.domain.DateTexts")
                .check(classes);
    }

    @Test
    void viewsNeitherPrintIsoDatesNorUseTheServersZone() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .and()
                .doNotHaveFullyQualifiedName("app.rungs.shared.ui.Formats")
                .should()
                .callMethod(LocalDate.class, "toString")
                .orShould()
                .callMethod(Instant.class, "toString")
                .orShould()
                .callMethod(LocalDateTime.class, "toString")
                .orShould()
                .callMethod(ZonedDateTime.class, "toString")
                .orShould()
                .callMethod(ZoneId.class, "systemDefault")
                .because("a view shows dates through Formats, in the user's zone")
                .check(classes);
    }
}
