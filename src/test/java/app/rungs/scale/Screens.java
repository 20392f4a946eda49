package app.rungs.scale;

import app.rungs.audit.ui.AuditLogView;
import app.rungs.calibration.ui.BoardView;
import app.rungs.calibration.ui.MyCalibrationView;
import app.rungs.calibration.ui.NineBoxView;
import app.rungs.calibration.ui.OutcomeAuditView;
import app.rungs.calibration.ui.PreRatingView;
import app.rungs.calibration.ui.PreparationView;
import app.rungs.calibration.ui.SessionsView;
import app.rungs.checkin.ui.CheckInView;
import app.rungs.checkin.ui.CheckInsView;
import app.rungs.cycle.ui.CyclesView;
import app.rungs.evidence.ui.CoverageView;
import app.rungs.evidence.ui.MyEvidenceView;
import app.rungs.evidence.ui.ReviewInboxView;
import app.rungs.fairness.ui.OutcomeAuditSettingsView;
import app.rungs.feedback.ui.FeedbackView;
import app.rungs.home.ui.HomeView;
import app.rungs.insights.ui.InsightsView;
import app.rungs.ladder.ui.CompareLevelsView;
import app.rungs.ladder.ui.LadderBrowserView;
import app.rungs.ladder.ui.LadderEditorView;
import app.rungs.ladder.ui.LadderHistoryView;
import app.rungs.ladder.ui.LadderLevelView;
import app.rungs.ladder.ui.LaddersView;
import app.rungs.ladder.ui.PublicFrameworkView;
import app.rungs.notification.ui.EmailAdminView;
import app.rungs.notification.ui.NotificationsView;
import app.rungs.people.ui.MyProfileView;
import app.rungs.people.ui.OrgChartView;
import app.rungs.people.ui.PeopleImportView;
import app.rungs.people.ui.PeopleView;
import app.rungs.people.ui.PersonView;
import app.rungs.privacy.ui.RetentionView;
import app.rungs.promotion.ui.PromotionCaseView;
import app.rungs.promotion.ui.PromotionsView;
import app.rungs.scim.ui.ScimSettingsView;
import app.rungs.security.ui.LoginView;
import app.rungs.security.ui.SignInSettingsView;
import app.rungs.support.DemoUsers;
import app.rungs.tokens.ui.ApiTokensAdminView;
import app.rungs.webhook.ui.WebhooksView;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every routed screen, with the user who typically opens it (some screens twice: the manager's and the director's
 * line differ in size) and a ceiling on the SQL statements its page load and first list pages may send. A
 * {@code @Route} class that is neither here nor in {@link #NOT_WALKED} fails {@link EveryScreenStatementCountTest}.
 */
public final class Screens {

    /** Signed out. */
    public static final String ANONYMOUS = null;

    public static final String ADMIN = DemoUsers.ADMIN;
    public static final String DIRECTOR = DemoUsers.DIRECTOR;
    public static final String MANAGER = DemoUsers.MANAGER;
    public static final String ENGINEER = DemoUsers.ENGINEER;

    /** A screen as one user opens it; {@code route} may carry parameters, filled per user from the demo data. */
    public record Screen(String name, Class<?> view, String user, String route, int ceiling) {

        public String who() {
            return user == null ? "anonymous" : user.substring(0, user.indexOf('@'));
        }
    }

    /** Routed classes deliberately not walked, and why. */
    public static final Map<Class<?>, String> NOT_WALKED = Map.of(
            PublicFrameworkView.class,
            "the signed-out public framework page reads one public ladder's published content by its slug (cached by"
                    + " version); no people, evidence or reporting line, and the demo data has no public ladder");

    /** Screens that forward to another view: "my profile" is the signed-in engineer's own person page. */
    public static final Map<Class<?>, Class<?>> FORWARDS = Map.of(MyProfileView.class, PersonView.class);

    public static final List<Screen> ALL = List.of(
            // Engineer
            new Screen("Home", HomeView.class, ENGINEER, "", 60),
            new Screen("My evidence", MyEvidenceView.class, ENGINEER, "my-evidence", 60),
            new Screen("Coverage (own)", CoverageView.class, ENGINEER, "coverage", 60),
            new Screen("My profile", MyProfileView.class, ENGINEER, "profile", 60),
            new Screen("My calibration", MyCalibrationView.class, ENGINEER, "my-calibration", 60),
            new Screen("Promotions", PromotionsView.class, ENGINEER, "promotions", 60),
            new Screen("Promotion case", PromotionCaseView.class, ENGINEER, "promotions/:id", 60),
            new Screen("Check-ins", CheckInsView.class, ENGINEER, "check-ins", 60),
            new Screen("Check-in", CheckInView.class, ENGINEER, "check-ins/:id", 60),
            new Screen("Feedback", FeedbackView.class, ENGINEER, "feedback", 60),
            new Screen("Notifications", NotificationsView.class, ENGINEER, "notifications", 60),
            new Screen("Ladder browser", LadderBrowserView.class, ENGINEER, "ladder", 60),
            new Screen("Compare levels", CompareLevelsView.class, ENGINEER, "ladders/:ladderId/compare", 60),
            new Screen("Ladder history", LadderHistoryView.class, ENGINEER, "ladders/:ladderId/history", 60),
            new Screen("Ladder level", LadderLevelView.class, ENGINEER, "ladders/:ladderId/levels/:levelKey", 60),
            // Manager (a line that grows in the test)
            new Screen("Home", HomeView.class, MANAGER, "", 60),
            new Screen("Review inbox", ReviewInboxView.class, MANAGER, "review", 60),
            new Screen("My evidence", MyEvidenceView.class, MANAGER, "my-evidence", 60),
            new Screen("Coverage (a report)", CoverageView.class, MANAGER, "coverage/:report", 60),
            new Screen("People", PeopleView.class, MANAGER, "people", 60),
            new Screen("Person", PersonView.class, MANAGER, "people/:id", 60),
            new Screen("Org chart", OrgChartView.class, MANAGER, "org-chart", 60),
            new Screen("Promotions", PromotionsView.class, MANAGER, "promotions", 60),
            new Screen("Promotion case", PromotionCaseView.class, MANAGER, "promotions/:id", 60),
            new Screen("Check-ins", CheckInsView.class, MANAGER, "check-ins", 60),
            new Screen("Check-in", CheckInView.class, MANAGER, "check-ins/:id", 60),
            new Screen("Feedback", FeedbackView.class, MANAGER, "feedback", 60),
            new Screen("Notifications", NotificationsView.class, MANAGER, "notifications", 60),
            new Screen("Calibration sessions", SessionsView.class, MANAGER, "calibration", 60),
            new Screen("Calibration board", BoardView.class, MANAGER, "calibration/:id", 60),
            new Screen("Nine-box", NineBoxView.class, MANAGER, "calibration/:id/nine-box", 60),
            new Screen("Pre-ratings", PreRatingView.class, MANAGER, "calibration/:id/pre-ratings", 60),
            new Screen("Preparation", PreparationView.class, MANAGER, "calibration/:id/preparation", 60),
            new Screen("Outcome audit", OutcomeAuditView.class, MANAGER, "calibration/:id/outcome-audit", 60),
            new Screen("Cycles", CyclesView.class, MANAGER, "cycles", 60),
            new Screen("Insights", InsightsView.class, MANAGER, "insights", 60),
            // Director (above the manager: the whole grown line)
            new Screen("Home", HomeView.class, DIRECTOR, "", 60),
            new Screen("Review inbox", ReviewInboxView.class, DIRECTOR, "review", 60),
            new Screen("People", PeopleView.class, DIRECTOR, "people", 60),
            new Screen("Person (the manager)", PersonView.class, DIRECTOR, "people/:manager", 60),
            new Screen("Org chart", OrgChartView.class, DIRECTOR, "org-chart", 60),
            new Screen("Promotions", PromotionsView.class, DIRECTOR, "promotions", 60),
            new Screen("Cycles", CyclesView.class, DIRECTOR, "cycles", 60),
            new Screen("Insights", InsightsView.class, DIRECTOR, "insights", 60),
            // Admin (the whole organization)
            new Screen("Home", HomeView.class, ADMIN, "", 60),
            new Screen("People", PeopleView.class, ADMIN, "people", 60),
            new Screen("Org chart", OrgChartView.class, ADMIN, "org-chart", 60),
            new Screen("Insights", InsightsView.class, ADMIN, "insights", 60),
            new Screen("People import", PeopleImportView.class, ADMIN, "people/import", 60),
            new Screen("Ladders", LaddersView.class, ADMIN, "ladders", 60),
            new Screen("Ladder editor", LadderEditorView.class, ADMIN, "ladders/:ladderId/edit", 60),
            new Screen("Audit log", AuditLogView.class, ADMIN, "admin/audit", 60),
            new Screen("Webhooks", WebhooksView.class, ADMIN, "admin/webhooks", 60),
            new Screen("Email", EmailAdminView.class, ADMIN, "admin/email", 60),
            new Screen("SCIM", ScimSettingsView.class, ADMIN, "admin/scim", 60),
            new Screen("Outcome audit settings", OutcomeAuditSettingsView.class, ADMIN, "admin/outcome-audit", 60),
            new Screen("Retention", RetentionView.class, ADMIN, "admin/privacy/retention", 60),
            new Screen("API tokens", ApiTokensAdminView.class, ADMIN, "admin/api-tokens", 60),
            new Screen("Sign-in settings", SignInSettingsView.class, ADMIN, "admin/sign-in", 60),
            // Signed out
            new Screen("Sign-in", LoginView.class, ANONYMOUS, "login", 60));

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]+)");

    private Screens() {}

    /** The route classes of the application, found on the classpath. */
    public static List<Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var routes = new ArrayList<Class<?>>();
        for (var candidate : scanner.findCandidateComponents("app.rungs")) {
            try {
                routes.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    /** The route of a screen with its parameters filled with demo objects its user may open. */
    public static String location(Screen screen, JdbcTemplate jdbc) {
        var matcher = PARAMETER.matcher(screen.route());
        var filled = new StringBuilder();
        while (matcher.find()) {
            var value = parameter(matcher.group(1), screen, jdbc);
            if (value == null) {
                throw new IllegalStateException(
                        "no demo object for ':" + matcher.group(1) + "' of " + screen + "; add one in Screens");
            }
            matcher.appendReplacement(filled, value);
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String parameter(String name, Screen screen, JdbcTemplate jdbc) {
        var person = personOf(screen.user(), jdbc);
        return switch (name) {
            case "ladderId" -> first(jdbc, "select min(id) from ladder where not retired");
            case "levelKey" -> "DSE-3";
            case "id" ->
                switch (screen.route().substring(0, screen.route().indexOf('/'))) {
                    // A session the user takes part in: other tests add sessions this user may not open.
                    case "calibration" -> first(jdbc, """
                            select coalesce(min(s.id) filter (where s.status = 'IN_SESSION'), min(s.id))
                            from calibration_session s
                            where s.facilitator_person_id = ? or exists (select 1 from calibration_participant p
                                where p.session_id = s.id and p.person_id = ?)""", person, person);
                    case "promotions" -> first(jdbc, """
                            select min(c.id) from promotion_case c join person p on p.id = c.engineer_id
                            where c.engineer_id = ? or p.manager_id = ?""", person, person);
                    case "check-ins" ->
                        first(
                                jdbc,
                                "select min(id) from check_in where engineer_id = ? or manager_id = ?",
                                person,
                                person);
                    case "people" -> first(jdbc, "select min(id) from person where manager_id = ?", person);
                    default -> null;
                };
            case "report" -> first(jdbc, "select min(id) from person where manager_id = ? and active", person);
            case "manager" -> String.valueOf(personOf(MANAGER, jdbc));
            default -> null;
        };
    }

    static Long personOf(String username, JdbcTemplate jdbc) {
        if (username == null) {
            return null;
        }
        return jdbc.queryForObject("select person_id from app_user where username = ?", Long.class, username);
    }

    private static String first(JdbcTemplate jdbc, String sql, Object... args) {
        var value = jdbc.queryForObject(sql, Object.class, Arrays.copyOf(args, args.length));
        return value == null ? null : value.toString();
    }
}
