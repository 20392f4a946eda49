package app.rungs.demo.scale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the generated ids start, per sequence: above both the sequence's last value and every id already in its
 * tables, so demo data and generated data never collide; {@link #advanceAll} moves the sequences past the generated
 * ids afterwards so the app keeps inserting (Hibernate's pooled optimizer takes the 50 ids up to each value).
 */
record ScaleIds(long people, long evidence, long promotion, long calibration, long account) {

    static ScaleIds next(JdbcTemplate jdbc) {
        return new ScaleIds(
                first(jdbc, "people_seq", "person", "team", "level_assignment"),
                first(jdbc, "evidence_seq", "evidence_item"),
                first(jdbc, "promotion_seq", "promotion_case"),
                first(jdbc, "calibration_seq", "calibration_session", "calibration_participant", "calibration_entry"),
                first(jdbc, "app_user_seq", "app_user"));
    }

    private static long first(JdbcTemplate jdbc, String sequence, String... tables) {
        var sql = new StringBuilder("select greatest((select last_value from " + sequence + ")");
        for (var table : tables) {
            sql.append(", (select coalesce(max(id), 0) from ").append(table).append(')');
        }
        Long last = jdbc.queryForObject(sql.append(')').toString(), Long.class);
        return (last == null ? 0 : last) + 1;
    }

    /** Moves a sequence so its next values lie above every id of its tables. */
    static void advance(JdbcTemplate jdbc, String sequence, String... tables) {
        var sql = new StringBuilder(
                "select setval('" + sequence + "', greatest((select last_value from " + sequence + ")");
        for (var table : tables) {
            sql.append(", (select coalesce(max(id), 0) from ").append(table).append(')');
        }
        jdbc.queryForObject(sql.append("))").toString(), Long.class);
    }

    /** Moves every sequence the generator took ids from past the generated ids. */
    static void advanceAll(JdbcTemplate jdbc) {
        advance(jdbc, "people_seq", "person", "team", "level_assignment");
        advance(jdbc, "evidence_seq", "evidence_item");
        advance(jdbc, "promotion_seq", "promotion_case");
        advance(jdbc, "calibration_seq", "calibration_session", "calibration_participant", "calibration_entry");
        advance(jdbc, "app_user_seq", "app_user");
    }
}
