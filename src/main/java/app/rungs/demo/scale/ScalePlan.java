package app.rungs.demo.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everyone's level on the ladder and who has which promotion case, decided before anything is written (so a case
 * that was approved shows up in the level history that it caused). Engineers are mostly on the lower shared levels
 * (weights falling with the square of the distance from the top), a few on a track's level; managers on the upper
 * half; directors and the top on the highest shared level.
 */
final class ScalePlan {

    enum CaseStatus {
        PROPOSED(8, true),
        DRAFT(15, true),
        SUBMITTED(15, true),
        IN_CALIBRATION(12, true),
        APPROVED(25, false),
        NOT_YET(12, false),
        WITHDRAWN(5, false),
        DECLINED(8, false);

        final int weight;
        final boolean open;

        CaseStatus(int weight, boolean open) {
            this.weight = weight;
            this.open = open;
        }
    }

    /** One promotion case: the engineer, from which level to which (shared level indexes), and its status. */
    record Case(int person, int fromLevel, int toLevel, CaseStatus status) {}

    /** Everyone's level: an index into {@link #levelKeys} (shared levels, then track levels). */
    final int[] level;

    final List<String> levelKeys;
    final String[] trackKeys;
    final List<Case> cases;
    /** The approved case of each person (index into cases), or -1. */
    final int[] approvedCase;

    /** The open case of each person (index into cases), or -1. */
    final int[] openCase;

    private ScalePlan(ScaleOrg org, ScaleLadder ladder, int caseCount, SplittableRandom random) {
        int shared = ladder.sharedLevels().size();
        levelKeys = new ArrayList<>(ladder.sharedLevels());
        var tracks = ladder.trackLevels();
        tracks.forEach(t -> levelKeys.add(t.levelKey()));
        trackKeys = new String[levelKeys.size()];
        for (int t = 0; t < tracks.size(); t++) {
            trackKeys[shared + t] = tracks.get(t).trackKey();
        }
        level = new int[org.size];
        var weights = new int[shared];
        int total = 0;
        for (int i = 0; i < shared; i++) {
            weights[i] = (shared - i) * (shared - i);
            total += weights[i];
        }
        for (int p = 0; p < org.size; p++) {
            if (p == org.top || org.isDirector(p)) {
                level[p] = shared - 1;
            } else if (org.leads[p]) {
                level[p] = shared / 2 + random.nextInt(shared - shared / 2);
            } else if (!tracks.isEmpty() && random.nextInt(200) == 0) {
                level[p] = shared + random.nextInt(tracks.size());
            } else {
                int pick = random.nextInt(total);
                int i = 0;
                while (pick >= weights[i]) {
                    pick -= weights[i++];
                }
                level[p] = i;
            }
        }
        approvedCase = new int[org.size];
        openCase = new int[org.size];
        Arrays.fill(approvedCase, -1);
        Arrays.fill(openCase, -1);
        cases = planCases(org, shared, caseCount, random);
    }

    static ScalePlan of(ScaleOrg org, ScaleLadder ladder, int cases, long seed) {
        return new ScalePlan(org, ladder, cases, new SplittableRandom(seed));
    }

    private List<Case> planCases(ScaleOrg org, int shared, int count, SplittableRandom random) {
        var statuses = CaseStatus.values();
        int total = Arrays.stream(statuses).mapToInt(s -> s.weight).sum();
        var result = new ArrayList<Case>(count);
        var taken = new boolean[org.size];
        int attempts = 0;
        while (result.size() < count) {
            if (++attempts > count * 50) {
                throw new IllegalStateException("Found engineers for " + result.size() + " of " + count + " cases");
            }
            int p = 1 + random.nextInt(org.size - 1);
            if (taken[p] || org.leads[p] || level[p] >= shared) {
                continue;
            }
            int pick = random.nextInt(total);
            int s = 0;
            while (pick >= statuses[s].weight) {
                pick -= statuses[s++].weight;
            }
            var status = statuses[s];
            // An approved case raised the engineer to today's level; the others aim one above it.
            boolean fits = status == CaseStatus.APPROVED ? level[p] >= 1 : level[p] < shared - 1;
            if (!fits) {
                continue;
            }
            taken[p] = true;
            var c = status == CaseStatus.APPROVED
                    ? new Case(p, level[p] - 1, level[p], status)
                    : new Case(p, level[p], level[p] + 1, status);
            if (status == CaseStatus.APPROVED) {
                approvedCase[p] = result.size();
            } else if (status.open) {
                openCase[p] = result.size();
            }
            result.add(c);
        }
        return List.copyOf(result);
    }

    String levelKey(int p) {
        return levelKeys.get(level[p]);
    }

    String trackKey(int p) {
        return trackKeys[level[p]];
    }
}
