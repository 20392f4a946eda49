package app.rungs.demo;

import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInDetails;
import app.rungs.checkin.service.CheckInReads;
import app.rungs.checkin.service.CheckInService;
import app.rungs.checkin.service.OutcomeInput;
import app.rungs.checkin.service.RatingInput;
import app.rungs.promotion.service.Cycles;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the check-ins of {@code demo/checkins.yaml} through the secured services, signed in as the people who would
 * act: one in every state (a draft, one waiting for the engineer, one ready to compare) and two agreed check-ins of
 * Lena Fischer months apart, so her history shows where she was and where she is. Agreed check-ins are then dated
 * back to the day the file says, as if they had happened then (the services stamp "now").
 *
 * <p>Same enablement as {@link DemoOrganization}; runs after the other demo data, and only while no check-in exists.
 */
@Component
@Order(41)
class DemoCheckIns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCheckIns.class);

    record File(List<Entry> checkIns) {}

    record Entry(
            String person,
            String by,
            String cycle,
            String state,
            Integer agreedDaysAgo,
            List<Rating> engineer,
            List<Rating> manager,
            List<Rating> agreed,
            String engineerNote,
            String managerNote) {}

    private final DemoSignIn demo;
    private final AccountService accounts;
    private final CheckInService checkIns;
    private final CheckInReads reads;
    private final JdbcClient jdbc;

    DemoCheckIns(
            DemoSignIn demo,
            AccountService accounts,
            CheckInService checkIns,
            CheckInReads reads,
            DataSource dataSource) {
        this.demo = demo;
        this.accounts = accounts;
        this.checkIns = checkIns;
        this.reads = reads;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || !demo.exists(DemoPromotions.user("Daniel Okafor"))) {
            return;
        }
        boolean none =
                jdbc.sql("select count(*) from check_in").query(Long.class).single() == 0;
        if (none) {
            long started = System.nanoTime();
            var today = LocalDate.now();
            DemoData.read("checkins.yaml", File.class).checkIns().forEach(e -> seed(e, today));
            log.info("Seeded the demo check-ins in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void seed(Entry e, LocalDate today) {
        var engineer = DemoPromotions.user(e.person());
        var manager = managerOf(engineer);
        var starter = DemoPromotions.user(e.by());
        var engineerId = personOf(engineer);
        var cycle = "last".equals(e.cycle()) ? Cycles.previous(today) : Cycles.of(today);
        Long id = demo.as(
                starter, () -> checkIns.start(starter.equals(engineer) ? null : engineerId, cycle, today.plusDays(10)));
        switch (e.state()) {
            case "draft" ->
                demo.run(engineer, () -> {
                    var d = reads.details(id);
                    checkIns.saveDraft(id, d.myVersion(), ratings(d, e.engineer(), e.engineerNote(), true));
                });
            case "manager-submitted" -> submit(manager, id, e.manager(), e.managerNote());
            case "ready" -> {
                submit(engineer, id, e.engineer(), e.engineerNote());
                submit(manager, id, e.manager(), e.managerNote());
            }
            case "agreed" -> {
                submit(engineer, id, e.engineer(), e.engineerNote());
                submit(manager, id, e.manager(), e.managerNote());
                demo.run(manager, () -> {
                    var d = reads.details(id);
                    var outcomes = new LinkedHashMap<String, OutcomeInput>();
                    var pattern = e.agreed() == null ? e.manager() : e.agreed();
                    for (int i = 0; i < d.items().size(); i++) {
                        outcomes.put(d.items().get(i).competencyKey(), new OutcomeInput(at(pattern, i), null));
                    }
                    checkIns.agree(id, d.version(), outcomes, "Talked it through in our one-on-one.");
                });
                backdate(id, e.agreedDaysAgo() == null ? 0 : e.agreedDaysAgo());
            }
            default -> throw new IllegalArgumentException("Unknown check-in state " + e.state());
        }
    }

    private void submit(String username, Long id, List<Rating> pattern, String note) {
        demo.run(username, () -> {
            var d = reads.details(id);
            checkIns.submit(id, d.myVersion(), ratings(d, pattern, note, false));
        });
    }

    /** Ratings by position, repeating the pattern; a draft leaves the second half unrated. */
    private static Map<String, RatingInput> ratings(
            CheckInDetails d, List<Rating> pattern, String note, boolean draft) {
        var result = new LinkedHashMap<String, RatingInput>();
        var items = d.items();
        int rated = draft ? Math.max(1, items.size() / 2) : items.size();
        for (int i = 0; i < rated; i++) {
            result.put(items.get(i).competencyKey(), new RatingInput(at(pattern, i), i == 0 ? note : null, List.of()));
        }
        return result;
    }

    private static Rating at(List<Rating> pattern, int i) {
        return pattern.get(i % pattern.size());
    }

    private void backdate(Long id, int daysAgo) {
        if (daysAgo <= 0) {
            return;
        }
        var shift = Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS));
        jdbc.sql("""
                        update check_in set created_at = cast(:at as timestamptz) - interval '12 days',
                            updated_at = cast(:at as timestamptz), agreed_at = cast(:at as timestamptz),
                            engineer_submitted_at = cast(:at as timestamptz) - interval '2 days',
                            manager_submitted_at = cast(:at as timestamptz) - interval '1 day',
                            due_at = cast(:at as timestamptz) + interval '1 day'
                        where id = :id""").param("at", shift).param("id", id).update();
        // Its reminders were completed or are moot: the check-in was agreed long ago.
        jdbc.sql("update reminder set cancelled_at = :at where subject_type = 'CHECK_IN' and subject_id = :id"
                        + " and sent_at is null and cancelled_at is null")
                .param("at", shift)
                .param("id", id)
                .update();
    }

    private String managerOf(String engineer) {
        return SystemAuthentication.call(() -> {
            var managerName = jdbc.sql("""
                            select m.full_name from person p join person m on m.id = p.manager_id where p.id = :id""")
                    .param("id", personOf(engineer))
                    .query(String.class)
                    .single();
            return DemoPromotions.user(managerName);
        });
    }

    private Long personOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }
}
