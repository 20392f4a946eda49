package app.rungs.demo.scale;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The shape of the generated organization, built in memory from the seed before anything is written: a top
 * executive over three directors (40 / 35 / 25 % of the people, so the largest director has 30,000+ below at full
 * size), managers fanning out 4 to 10 ways over 4 to 6 levels, and teams of 6 to 14 engineers. People are numbered
 * depth first, so everyone's manager comes before them. Every manager leads a team under their manager's team.
 */
final class ScaleOrg {

    static final String DOMAIN = "scale.rungs.demo";

    private static final String[] FIRST = {
        "Ada", "Bram", "Chioma", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kavya", "Luca", "Mei",
        "Nils", "Oona", "Pavel", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zeno", "Amir",
        "Bea", "Carlos", "Dana", "Emeka", "Freya", "Gabriel", "Hana", "Ivo", "Jin", "Kofi", "Lina", "Marek", "Nadia",
        "Omar", "Priya", "Rafael", "Sofia", "Teodor", "Ulla", "Vera", "Wiremu", "Ximena", "Yusuf", "Zofia"
    };
    private static final String[] LAST = {
        "Abbott", "Berg", "Costa", "Dahl", "Eze", "Fontaine", "Gupta", "Haas", "Ivanova", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Nakamura", "Okoro", "Petrov", "Quist", "Reyes", "Singh", "Tanaka", "Ueda", "Varga",
        "Weber", "Xu", "Yilmaz", "Zhang", "Andersen", "Bianchi", "Chen", "Diaz", "Eriksen", "Fischer", "Garcia",
        "Horvat", "Ibrahim", "Jovanovic", "Kim", "Lopez", "Mensah", "Novak", "Olsen", "Park", "Rossi", "Sato",
        "Torres", "Usman", "Vogel", "Wong", "Yamamoto", "Zimmermann"
    };
    private static final String[] TEAM_AREAS = {
        "Storage", "Streaming", "Edge", "Identity", "Payments", "Search", "Observability", "Scheduling", "Networking",
        "Replication", "Billing", "Messaging", "Compute", "Caching", "Indexing", "Ingestion", "Security", "Mobile",
        "Platform", "Data"
    };
    private static final double[] DIRECTOR_SHARES = {0.40, 0.35, 0.25};

    final int size;
    final int[] manager;
    final int[] team;
    final String[] name;
    final String[] email;
    final boolean[] leads;
    /** People below each person, at any depth. */
    final int[] lineSize;
    /** People below each person who lead nobody (the engineers a calibration session of that line could hold). */
    final int[] engineersBelow;

    int teams;
    final int[] teamParent;
    final int[] teamLead;
    final String[] teamName;

    final int top = 0;
    final int[] directors = new int[DIRECTOR_SHARES.length];
    /** The director with the largest line, the line manager with about 500 below, an engineer of that line. */
    int namedDirector;

    int namedManager;
    int namedEngineer;

    private final SplittableRandom random;
    private int next;
    private int managers;
    private int engineers;

    private ScaleOrg(int size, long seed) {
        this.size = size;
        manager = new int[size];
        team = new int[size];
        name = new String[size];
        email = new String[size];
        leads = new boolean[size];
        lineSize = new int[size];
        engineersBelow = new int[size];
        teamParent = new int[size];
        teamLead = new int[size];
        teamName = new String[size];
        random = new SplittableRandom(seed);
    }

    static ScaleOrg build(int people, long seed) {
        var org = new ScaleOrg(people, seed);
        org.grow();
        return org;
    }

    private void grow() {
        add(-1, "cto@" + DOMAIN);
        leads[top] = true;
        newTeam(top);
        int rest = size - 1 - directors.length;
        int given = 0;
        for (int d = 0; d < directors.length; d++) {
            int budget = d == directors.length - 1 ? rest - given : (int) Math.round(rest * DIRECTOR_SHARES[d]);
            given += budget;
            directors[d] = add(top, "director" + (d + 1) + "@" + DOMAIN);
            line(directors[d], budget, 1);
        }
        if (next != size) {
            throw new IllegalStateException("Generated " + next + " people of " + size);
        }
        count();
        name();
    }

    /** Gives {@code lead} a team and {@code budget} people below: a few direct engineers and 2 to 10 sub-lines. */
    private void line(int lead, int budget, int depth) {
        leads[lead] = true;
        int own = newTeam(lead);
        int direct = Math.min(budget, random.nextInt(3));
        int rest = budget - direct;
        int lines = Math.min(4 + random.nextInt(7), rest / 7);
        if (lines < 2 || depth > 6) {
            direct = budget;
            lines = 0;
        }
        for (int i = 0; i < direct; i++) {
            int p = add(lead, null);
            team[p] = own;
        }
        if (lines == 0) {
            return;
        }
        rest = budget - direct - lines;
        var weights = new double[lines];
        double sum = 0;
        for (int i = 0; i < lines; i++) {
            weights[i] = 0.5 + random.nextDouble();
            sum += weights[i];
        }
        var shares = new int[lines];
        int given = 0;
        for (int i = 0; i < lines; i++) {
            shares[i] = (int) Math.floor(rest * weights[i] / sum);
            given += shares[i];
        }
        for (int i = 0; given < rest; i = (i + 1) % lines, given++) {
            shares[i]++;
        }
        for (int i = 0; i < lines; i++) {
            int sub = add(lead, null);
            line(sub, shares[i], depth + 1);
        }
    }

    private int add(int boss, String address) {
        int p = next++;
        manager[p] = boss;
        email[p] = address;
        return p;
    }

    private int newTeam(int lead) {
        int t = teams++;
        teamLead[t] = lead;
        teamParent[t] = manager[lead] < 0 ? -1 : team[manager[lead]];
        teamName[t] = TEAM_AREAS[t % TEAM_AREAS.length] + " " + (t + 1);
        team[lead] = t;
        return t;
    }

    /** Line sizes bottom up (everyone's manager comes before them), then the named benchmark people. */
    private void count() {
        for (int p = size - 1; p > 0; p--) {
            lineSize[manager[p]] += lineSize[p] + 1;
            engineersBelow[manager[p]] += engineersBelow[p] + (leads[p] ? 0 : 1);
        }
        namedDirector = directors[0];
        for (int d : directors) {
            if (lineSize[d] > lineSize[namedDirector]) {
                namedDirector = d;
            }
        }
        int target = Math.min(500, Math.max(20, size / 20));
        namedManager = -1;
        for (int p = 0; p < size; p++) {
            if (leads[p]
                    && p != top
                    && !isDirector(p)
                    && (namedManager < 0
                            || Math.abs(lineSize[p] - target) < Math.abs(lineSize[namedManager] - target))) {
                namedManager = p;
            }
        }
        namedEngineer = -1;
        for (int p = namedManager + 1; p < size && namedEngineer < 0; p++) {
            if (!leads[p] && isBelow(p, namedManager)) {
                namedEngineer = p;
            }
        }
    }

    private void name() {
        email[namedDirector] = "director@" + DOMAIN;
        email[namedManager] = "manager@" + DOMAIN;
        email[namedEngineer] = "engineer@" + DOMAIN;
        for (int p = 0; p < size; p++) {
            name[p] = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            if (email[p] == null) {
                email[p] = leads[p] ? "manager" + ++managers + "@" + DOMAIN : "engineer" + ++engineers + "@" + DOMAIN;
            }
        }
    }

    boolean isDirector(int p) {
        return Arrays.stream(directors).anyMatch(d -> d == p);
    }

    boolean isBelow(int p, int boss) {
        for (int m = manager[p]; m >= 0; m = manager[m]) {
            if (m == boss) {
                return true;
            }
        }
        return false;
    }

    /** The manager with the smallest line that still holds {@code engineers} engineers (the director for the largest). */
    int lineFor(int engineers) {
        int best = namedDirector;
        for (int p = 0; p < size; p++) {
            if (leads[p] && p != top && engineersBelow[p] >= engineers && engineersBelow[p] < engineersBelow[best]) {
                best = p;
            }
        }
        if (engineersBelow[best] < engineers) {
            throw new IllegalStateException(
                    "No line holds " + engineers + " engineers; the largest has " + engineersBelow[best]);
        }
        return best;
    }
}
