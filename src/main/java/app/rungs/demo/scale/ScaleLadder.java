package app.rungs.demo.scale;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The published ladder the generated organization is placed on, read from the database (never hard-coded): the
 * ladder most people are on (the demo ladder after demo seeding), its shared levels lowest first, the levels of its
 * tracks, and its competency keys.
 *
 * @param sharedLevels levels every track passes through, lowest first
 * @param trackLevels levels of one track (e.g. DE-1 of the Distinguished Engineer track), with the track's key
 */
record ScaleLadder(long ladderId, List<String> sharedLevels, List<TrackLevel> trackLevels, List<String> competencies) {

    record TrackLevel(String levelKey, String trackKey) {}

    static ScaleLadder read(JdbcTemplate jdbc) {
        var ladder = jdbc.query(
                "select l.id, v.id from ladder l join ladder_version v on v.ladder_id = l.id and v.status = 'PUBLISHED'"
                        + " where not l.retired order by (select count(*) from level_assignment a"
                        + " where a.ladder_id = l.id) desc, l.id limit 1",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (ladder.isEmpty()) {
            throw new IllegalStateException("The scale generator needs a published ladder; start with the demo"
                    + " organization (rungs.demo.mode=on) or publish a ladder first.");
        }
        long ladderId = ladder.getFirst()[0];
        long versionId = ladder.getFirst()[1];
        var shared = jdbc.queryForList(
                "select level_key from ladder_level where ladder_version_id = ? and track_key is null order by position",
                String.class,
                versionId);
        var tracks = jdbc.query(
                "select level_key, track_key from ladder_level where ladder_version_id = ? and track_key is not null"
                        + " order by position",
                (rs, n) -> new TrackLevel(rs.getString(1), rs.getString(2)),
                versionId);
        var competencies = jdbc.queryForList(
                "select competency_key from competency where ladder_version_id = ? order by position",
                String.class,
                versionId);
        if (shared.size() < 2 || competencies.isEmpty()) {
            throw new IllegalStateException("The published ladder " + ladderId + " has " + shared.size()
                    + " shared levels and " + competencies.size() + " competencies; the generator needs at least"
                    + " two levels and one competency.");
        }
        return new ScaleLadder(ladderId, List.copyOf(shared), List.copyOf(tracks), List.copyOf(competencies));
    }
}
