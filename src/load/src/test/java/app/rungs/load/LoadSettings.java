package app.rungs.load;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The knobs of a run, as system properties ({@code -Dload.users=200}); defaults are the smoke setting against the demo
 * organization. The base URL must be a loopback address: the harness is for a Rungs on this machine, never a shared
 * or production one.
 */
record LoadSettings(
        String baseUrl,
        int users,
        Duration ramp,
        Duration steady,
        Duration thinkMin,
        Duration thinkMax,
        int engineerShare,
        int managerShare,
        String password,
        List<String> engineers,
        List<String> managers,
        List<String> boardManagers,
        String board,
        boolean changeRatings) {

    static final String DEMO_ENGINEERS = "lena.fischer@rungs.demo,mateo.alvarez@rungs.demo,aisha.rahman@rungs.demo,"
            + "tomas.novak@rungs.demo,hannah.lee@rungs.demo,kwame.mensah@rungs.demo,yuki.tanaka@rungs.demo,"
            + "olga.petrova@rungs.demo,ravi.iyer@rungs.demo,ethan.brooks@rungs.demo,mei.chen@rungs.demo,"
            + "lucas.martin@rungs.demo,fatima.zahra@rungs.demo,jonas.berg@rungs.demo,ana.souza@rungs.demo,"
            + "noah.williams@rungs.demo,amara.nwosu@rungs.demo,diego.fernandez@rungs.demo,chloe.dubois@rungs.demo,"
            + "arjun.mehta@rungs.demo,isabel.garcia@rungs.demo,samuel.adeyemi@rungs.demo,nina.kowalski@rungs.demo,"
            + "omar.haddad@rungs.demo,grace.kim@rungs.demo,felix.wagner@rungs.demo,zanele.dlamini@rungs.demo,"
            + "hiro.sato@rungs.demo,leila.ahmadi@rungs.demo,ben.carter@rungs.demo,ingrid.larsen@rungs.demo,"
            + "kofi.boateng@rungs.demo,maya.patel@rungs.demo,pablo.ruiz@rungs.demo,sara.lindqvist@rungs.demo";
    static final String DEMO_MANAGERS = "priya.natarajan@rungs.demo,daniel.okafor@rungs.demo,sofia.rossi@rungs.demo,"
            + "marcus.johnson@rungs.demo,elena.volkova@rungs.demo";
    /** The chair and the managers of the demo's calibration session (src/main/resources/demo/calibration.yaml). */
    static final String DEMO_BOARD_MANAGERS =
            "priya.natarajan@rungs.demo,daniel.okafor@rungs.demo,marcus.johnson@rungs.demo";

    static LoadSettings fromSystemProperties() {
        var settings = new LoadSettings(
                prop("load.baseUrl", "http://127.0.0.1:8182"),
                Integer.parseInt(prop("load.users", "20")),
                Duration.ofSeconds(Long.parseLong(prop("load.rampSeconds", "30"))),
                Duration.ofSeconds(Long.parseLong(prop("load.steadySeconds", "60"))),
                Duration.ofMillis(Long.parseLong(prop("load.thinkMinMillis", "2000"))),
                Duration.ofMillis(Long.parseLong(prop("load.thinkMaxMillis", "5000"))),
                Integer.parseInt(prop("load.engineerPercent", "60")),
                Integer.parseInt(prop("load.managerPercent", "25")),
                prop("load.password", "rungs-demo-2026"),
                list(prop("load.engineers", DEMO_ENGINEERS)),
                list(prop("load.managers", DEMO_MANAGERS)),
                list(prop("load.boardManagers", DEMO_BOARD_MANAGERS)),
                prop("load.board", ""),
                Boolean.parseBoolean(prop("load.changeRatings", "true")));
        settings.check();
        return settings;
    }

    int engineerUsers() {
        return users * engineerShare / 100;
    }

    int managerUsers() {
        return users * managerShare / 100;
    }

    /** Whoever is left: the managers on the one calibration board, at least one of them once there are 3 users. */
    int boardUsers() {
        return users - engineerUsers() - managerUsers();
    }

    Duration total() {
        return ramp.plus(steady);
    }

    private void check() {
        var host = URI.create(baseUrl).getHost();
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("load.baseUrl must be a loopback address (127.0.0.1, localhost, ::1),"
                        + " not " + baseUrl + ": the harness only loads a Rungs on this machine");
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("load.baseUrl host unknown: " + host, e);
        }
        if (users < 1 || engineerShare < 0 || managerShare < 0 || engineerShare + managerShare > 100) {
            throw new IllegalArgumentException("load.users >= 1 and load.engineerPercent + load.managerPercent <= 100");
        }
        if (thinkMin.compareTo(thinkMax) > 0) {
            throw new IllegalArgumentException("load.thinkMinMillis must not exceed load.thinkMaxMillis");
        }
        if (engineers.isEmpty() || managers.isEmpty() || boardManagers.isEmpty()) {
            throw new IllegalArgumentException("load.engineers, load.managers and load.boardManagers need an account");
        }
    }

    private static String prop(String key, String fallback) {
        var value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
