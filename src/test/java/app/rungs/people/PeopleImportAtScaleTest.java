package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.people.service.ImportPreview;
import app.rungs.people.service.ImportRow;
import app.rungs.people.service.PeopleImportService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * The set-based import path at a size: staged with COPY, written by a few statements, the reporting-line closure
 * rebuilt once (V36) instead of by a trigger per row; all or nothing however far into the file the bad row is.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class PeopleImportAtScaleTest {

    static final String HEADER = PeopleImportTest.HEADER;
    static final String LADDER = PeopleImportTest.LADDER;

    @Autowired
    PeopleImportService importer;

    @Autowired
    JdbcTemplate jdbc;

    /** {@code count} new people in a tree of fan-out 5 under the director, every manager after their reports. */
    static StringBuilder tree(String tag, int count) {
        var sb = new StringBuilder(HEADER);
        for (int i = count - 1; i >= 0; i--) {
            var manager = i == 0 ? DemoUsers.DIRECTOR : email(tag, (i - 1) / 5);
            sb.append("Scale ").append(tag).append(' ').append(i).append(',').append(email(tag, i));
            sb.append(",Engineer,Scale ")
                    .append(tag)
                    .append(' ')
                    .append(i / 50)
                    .append(',')
                    .append(manager);
            sb.append(',').append(LADDER).append(",DSE-").append(1 + i % 3).append(",2020-02-03,ENGINEER\n");
        }
        return sb;
    }

    static String email(String tag, int i) {
        return tag + ".s" + i + "@scale.example";
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void aBadRowAtTheEndOfABigFileChangesNothing() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = tree(tag, 3_000)
                .append("Last Row,")
                .append(tag)
                .append(".last@scale.example,,,")
                .append(tag)
                .append(".nobody@scale.example,,,,\n");
        var bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        var before = new ArrayList<Long>();
        for (var table :
                new String[] {"person", "reporting_line", "level_assignment", "app_user", "audit_event", "team"}) {
            before.add(count(table));
        }

        assertThatThrownBy(() -> importer.apply(bytes, "big.csv", null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(
                                "Nothing was imported: 1 row has errors.",
                                "Row 3002: Unknown manager " + tag
                                        + ".nobody@scale.example: not in the file and not in Rungs."));

        var after = new ArrayList<Long>();
        for (var table :
                new String[] {"person", "reporting_line", "level_assignment", "app_user", "audit_event", "team"}) {
            after.add(count(table));
        }
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Transactional
    void reportingLinesOfEveryoneAddedOrMovedMatchTheTreeAfterOneRebuild() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var first = tree(tag, 400).toString();
        var created = importer.apply(first.getBytes(StandardCharsets.UTF_8), "tree.csv", null);
        assertThat(created.created()).isEqualTo(400);
        assertMatchesTheTree();
        long belowDirector = jdbc.queryForObject(
                "select count(*) from reporting_line r join person d on d.id = r.ancestor_id"
                        + " join person p on p.id = r.person_id where lower(d.email) = ? and p.email like ?",
                Long.class,
                DemoUsers.DIRECTOR,
                tag + ".%");
        assertThat(belowDirector).isEqualTo(400);

        // Move a subtree (person 1 and the 100-odd below them) under person 2, and an existing demo engineer under
        // person 399: the rows of everyone below a moved person change, not only the moved person's.
        var moved = first.replace(
                        "Scale " + tag + " 1," + email(tag, 1) + ",Engineer,Scale " + tag + " 0," + email(tag, 0),
                        "Scale " + tag + " 1," + email(tag, 1) + ",Engineer,Scale " + tag + " 0," + email(tag, 2))
                + "Lena Fischer," + DemoUsers.ENGINEER + ",Senior Engineer,,"
                + email(tag, 399) + ",,,,\n";
        var preview = importer.preview(moved.getBytes(StandardCharsets.UTF_8), "moved.csv", null);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.updates()).isEqualTo(2);
        importer.apply(moved.getBytes(StandardCharsets.UTF_8), "moved.csv", null);
        assertMatchesTheTree();
        assertThat(jdbc.queryForObject(
                        "select count(*) from reporting_line r join person a on a.id = r.ancestor_id"
                                + " join person p on p.id = r.person_id where a.email = ? and lower(p.email) = ?",
                        Long.class,
                        email(tag, 2),
                        DemoUsers.ENGINEER))
                .isEqualTo(1);
    }

    private void assertMatchesTheTree() {
        var missingOrExtra = jdbc.queryForObject("""
                with recursive up(person_id, ancestor_id, depth) as (
                    select id, manager_id, 1 from person where manager_id is not null
                    union all
                    select u.person_id, p.manager_id, u.depth + 1 from up u join person p on p.id = u.ancestor_id
                    where p.manager_id is not null and u.depth < 64),
                expected as (select ancestor_id, person_id, min(depth) depth from up group by 1, 2)
                select count(*) from (
                    (select * from expected except select ancestor_id, person_id, depth from reporting_line)
                    union all
                    (select ancestor_id, person_id, depth from reporting_line except select * from expected)) d""", Long.class);
        assertThat(missingOrExtra).isZero();
    }

    @Test
    void aBigPreviewListsEveryErrorFirstAndCountsEveryRow() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = tree(tag, ImportPreview.MAX_ROWS_LISTED + 500)
                .append("No Email,,,,,,,,\n")
                .append("Bad Date,")
                .append(tag)
                .append(".date@scale.example,,,,,,2024-13-40,\n");
        var preview = importer.preview(csv.toString().getBytes(StandardCharsets.UTF_8), "big.csv", null);

        assertThat(preview.rowCount()).isEqualTo(ImportPreview.MAX_ROWS_LISTED + 502);
        assertThat(preview.creates()).isEqualTo(ImportPreview.MAX_ROWS_LISTED + 500);
        assertThat(preview.errors()).isEqualTo(2);
        assertThat(preview.listsSomeRows()).isTrue();
        assertThat(preview.rows()).hasSize(ImportPreview.MAX_ROWS_LISTED);
        assertThat(preview.rows())
                .filteredOn(r -> r.action() == ImportRow.Action.ERROR)
                .extracting(ImportRow::line)
                .containsExactly(ImportPreview.MAX_ROWS_LISTED + 502, ImportPreview.MAX_ROWS_LISTED + 503);
        assertThat(preview.problems())
                .containsExactly(
                        "Row " + (ImportPreview.MAX_ROWS_LISTED + 502) + ": Email is missing.",
                        "Row " + (ImportPreview.MAX_ROWS_LISTED + 503)
                                + ": Start date \"2024-13-40\" is not a date like 2024-03-15.");
        assertThat(preview.rows()).extracting(ImportRow::line).isSorted();
    }
}
