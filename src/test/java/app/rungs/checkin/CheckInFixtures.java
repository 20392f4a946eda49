package app.rungs.checkin;

import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInDetails;
import app.rungs.checkin.service.CheckInReads;
import app.rungs.checkin.service.CheckInService;
import app.rungs.checkin.service.OutcomeInput;
import app.rungs.checkin.service.RatingInput;
import app.rungs.promotion.PromotionFixtures;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A manager with an engineer at DSE-2 and helpers to rate, submit and agree their check-ins. */
public class CheckInFixtures {

    public final PromotionFixtures fx;
    public final CheckInService checkIns;
    public final CheckInReads reads;
    public final String manager;
    public final String engineer;

    public CheckInFixtures(PromotionFixtures fx, CheckInService checkIns, CheckInReads reads, String label) {
        this.fx = fx;
        this.checkIns = checkIns;
        this.reads = reads;
        this.manager = fx.newManager(label + " Manager");
        this.engineer = fx.newEngineer(label + " Engineer", "DSE-2", manager);
    }

    public Long start(String by, LocalDate due) {
        return fx.as(by, () -> checkIns.start(by.equals(engineer) ? null : fx.personOf(engineer), "2026-H2", due));
    }

    public Long start() {
        return start(engineer, LocalDate.now().plusDays(14));
    }

    public CheckInDetails details(String as, Long id) {
        return fx.as(as, () -> reads.details(id));
    }

    /** Every competency rated by the function of its position. */
    public Map<String, RatingInput> ratings(CheckInDetails d, Function<Integer, Rating> rating, String note) {
        var result = new LinkedHashMap<String, RatingInput>();
        var items = d.items();
        for (int i = 0; i < items.size(); i++) {
            result.put(items.get(i).competencyKey(), new RatingInput(rating.apply(i), note, List.of()));
        }
        return result;
    }

    public void submitAll(String as, Long id, Rating rating, String note) {
        var d = details(as, id);
        fx.run(as, () -> checkIns.submit(id, d.myVersion(), ratings(d, i -> rating, note)));
    }

    public void agreeAll(Long id, Rating outcome) {
        var d = details(manager, id);
        var outcomes = new LinkedHashMap<String, OutcomeInput>();
        d.items().forEach(i -> outcomes.put(i.competencyKey(), new OutcomeInput(outcome, null)));
        fx.run(manager, () -> checkIns.agree(id, d.version(), outcomes, "We talked it through."));
    }
}
