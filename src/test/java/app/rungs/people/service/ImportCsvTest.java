package app.rungs.people.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.ImportPlan.Plan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading an HRIS file into import rows, without Spring or a database. */
class ImportCsvTest {

    private static Plan read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Plan read(byte[] bytes) {
        var plan = new Plan();
        ImportCsv.read(() -> new ByteArrayInputStream(bytes), plan);
        return plan;
    }

    @Test
    void headerAliasesAndAByteOrderMarkAreUnderstoodAndValuesAreTrimmed() {
        var plan = read("\uFEFFFull Name,E-mail Address,Job Title,Manager,Level\n Ada Lovelace , ada@example.com ,"
                + "Engineer,boss@example.com,DSE-2\n");
        assertThat(plan.fileProblems).isEmpty();
        assertThat(plan.rows).singleElement().satisfies(r -> {
            assertThat(r.line).isEqualTo(2);
            assertThat(r.name).isEqualTo("Ada Lovelace");
            assertThat(r.email).isEqualTo("ada@example.com");
            assertThat(r.title).isEqualTo("Engineer");
            assertThat(r.managerEmail).isEqualTo("boss@example.com");
            assertThat(r.levelKey).isEqualTo("DSE-2");
            assertThat(r.team).isEmpty();
            assertThat(r.errors).isEmpty();
        });
    }

    @Test
    void semicolonAndTabExportsAreReadLikeCommaExports() {
        for (var delimiter : new String[] {";", "\t"}) {
            var plan = read(String.join(delimiter, "name", "email", "title") + "\r\n"
                    + String.join(delimiter, "Ada Lovelace", "ada@example.com", "Engineer, Platform") + "\r\n");
            assertThat(plan.fileProblems).as(delimiter).isEmpty();
            assertThat(plan.rows).singleElement().satisfies(r -> {
                assertThat(r.email).isEqualTo("ada@example.com");
                assertThat(r.title).isEqualTo("Engineer, Platform");
                assertThat(r.errors).isEmpty();
            });
        }
    }

    @Test
    void rowsAreNumberedAsTheSpreadsheetShowsThemNotAsTextLines() {
        // Excel's sep line is not a row; row 2 holds a cell over two lines; row 3 is blank but still counts.
        var plan =
                read("sep=;\nname;email;title\nAda;ada@example.com;\"Engineer\nPlatform\"\n;;\nBo;bo@example.com;\n");
        assertThat(plan.fileProblems).isEmpty();
        assertThat(plan.rows).extracting(r -> r.line).containsExactly(2, 4);
        assertThat(plan.rows.getFirst().title).isEqualTo("Engineer\nPlatform");
    }

    @Test
    void aHeaderWithoutAnEmailColumnIsRefusedNamingWhatIsMissingAndWhatWasFound() {
        var plan = read("name,phone\nAda,123\n");
        assertThat(plan.rows).isEmpty();
        assertThat(plan.fileProblems).singleElement().asString().contains("\"email\" is missing", "found phone");
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        var plan = read("name,email,mail,Email\nAda,a@example.com,x,y\n");
        assertThat(plan.fileProblems).singleElement().asString().contains("names the column \"email\" twice");
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsMarkedButBlankExtrasAreNot() {
        var plan = read("name,email\nAda,a@example.com,,\nBo,b@example.com,Oops, a comma\n");
        assertThat(plan.rows).hasSize(2);
        assertThat(plan.rows.get(0).errors).isEmpty();
        assertThat(plan.rows.get(1).errors).singleElement().asString().contains("has 4 fields but the header names 2");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreNamedAsSuch() {
        assertThat(read("\n\n").fileProblems).containsExactly("The file is empty.");
        assertThat(read("name,email\n").fileProblems).containsExactly("The file has a header but no people.");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAHint() {
        var latin1 = "name,email\nJos\u00e9,j@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(latin1).fileProblems).singleElement().asString().contains("not UTF-8");
    }
}
