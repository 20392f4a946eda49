package app.rungs.support;

/** Demo accounts the tests sign in as (see the README). */
public final class DemoUsers {
    public static final String PASSWORD = "rungs-demo-2026";
    public static final String ADMIN = "admin@rungs.demo";
    public static final String DIRECTOR = "priya.natarajan@rungs.demo";
    public static final String MANAGER = "daniel.okafor@rungs.demo";
    public static final String OTHER_MANAGER = "sofia.rossi@rungs.demo";
    public static final String ENGINEER = "lena.fischer@rungs.demo";
    public static final String OTHER_ENGINEER = "ethan.brooks@rungs.demo";

    private DemoUsers() {}
}
