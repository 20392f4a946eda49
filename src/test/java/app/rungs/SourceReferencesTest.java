package app.rungs;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.SourceReferences.Constant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source scan behind the constant rules of ArchitectureTest, on small made-up files. */
class SourceReferencesTest {

    private static final Constant ADMIN_NAME = new Constant("app.rungs.security.domain.Role", "ADMIN_NAME");
    private static final Constant NESTED = new Constant("app.rungs.ladder.service.Templates.Keys", "DEFAULT");

    private final SourceReferences references = new SourceReferences(List.of(ADMIN_NAME, NESTED));

    private static SourceReferences.SourceFile file(String code) {
        return SourceReferences.parse("app/rungs/audit/ui/View.java", "package app.rungs.audit.ui;\n" + code);
    }

    @Test
    void aConstantReachedThroughAnImportedClassIsFound() {
        var view = file("""
                import app.rungs.security.domain.Role;
                @RolesAllowed(Role.ADMIN_NAME)
                class View {}
                """);

        assertThat(references.constantsReferencedBy(view)).containsExactly(ADMIN_NAME);
        assertThat(view.feature()).isEqualTo("audit");
        assertThat(ADMIN_NAME.feature()).isEqualTo("security");
    }

    @Test
    void staticImportsFullyQualifiedNamesOnDemandImportsAndNestedClassesAreFoundToo() {
        assertThat(references.constantsReferencedBy(
                        file("import static app.rungs.security.domain.Role.ADMIN_NAME;\nclass View {}")))
                .containsExactly(ADMIN_NAME);
        assertThat(references.constantsReferencedBy(
                        file("import static app.rungs.security.domain.Role.*;\nclass V { String r = ADMIN_NAME; }")))
                .containsExactly(ADMIN_NAME);
        assertThat(references.constantsReferencedBy(
                        file("class V { String r = app.rungs.security.domain.Role.ADMIN_NAME; }")))
                .containsExactly(ADMIN_NAME);
        assertThat(references.constantsReferencedBy(
                        file("import app.rungs.security.domain.*;\nclass V { String r = Role.ADMIN_NAME; }")))
                .containsExactly(ADMIN_NAME);
        assertThat(references.constantsReferencedBy(file(
                        "import app.rungs.ladder.service.Templates;\nclass V { String k = Templates.Keys.DEFAULT; }")))
                .containsExactly(NESTED);
    }

    @Test
    void namesInCommentsAndStringsAndUnimportedLookAlikesAreNotReferences() {
        var view = file("""
                import app.rungs.security.domain.Role;
                // Role.ADMIN_NAME used to be here
                /* and Role.ADMIN_NAME here */
                class View { String s = "Role.ADMIN_NAME"; String t = Other.ADMIN_NAME; }
                """);

        assertThat(references.constantsReferencedBy(view)).isEmpty();
    }

    @Test
    void stringLiteralsInRolesAllowedAreFoundButConstantsAreNot() {
        var view = file("""
                @RolesAllowed({"ADMIN", AppRoles.MANAGER})
                class View {
                    @jakarta.annotation.security.RolesAllowed("ENGINEER") void open() {}
                    @RolesAllowed(AppRoles.ADMIN) void close() { String s = "MANAGER"; }
                }
                """);

        assertThat(SourceReferences.roleLiteralsInRolesAllowed(view)).containsExactly("ADMIN", "ENGINEER");
    }

    @Test
    void theFeatureGraphReportsACycleOnceWithAnExampleOfEachStep() {
        var graph = new ArchitectureTest.FeatureGraph();
        graph.add("security", "audit", "AccountService calls AuditService");
        graph.add("audit", "security", "AuditLogView uses Role.ADMIN_NAME");
        graph.add("audit", "shared", "AuditService uses AbstractEntity");
        graph.add("audit", "audit", "inside the feature");

        assertThat(graph.cycles())
                .containsExactly("audit -> security (AuditLogView uses Role.ADMIN_NAME); security -> audit"
                        + " (AccountService calls AuditService)");
        assertThat(graph.has("audit", "shared")).isTrue();
        assertThat(graph.has("shared", "audit")).isFalse();
    }

    @Test
    void aFeatureGraphWithoutABackEdgeHasNoCycle() {
        var graph = new ArchitectureTest.FeatureGraph();
        graph.add("security", "audit", "AccountService calls AuditService");
        graph.add("notification", "security", "AuditChainAlerts calls AccountService");
        graph.add("notification", "audit", "AuditChainAlerts listens to AuditChainBroken");

        assertThat(graph.cycles()).isEmpty();
    }
}
