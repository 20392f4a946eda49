package app.rungs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Demo data goes only into the embedded database unless explicitly asked for. */
class DemoModeTest {

    private static DemoSignIn demo(String mode, boolean embedded) {
        var beans = new StaticListableBeanFactory();
        if (embedded) {
            beans.addBean("embeddedPostgres", mock(EmbeddedPostgres.class));
        }
        ObjectProvider<EmbeddedPostgres> provider = beans.getBeanProvider(EmbeddedPostgres.class);
        return new DemoSignIn(mode, provider, null);
    }

    @Test
    void autoSeedsTheEmbeddedDatabaseOnly() {
        assertThat(demo("auto", true).enabled()).isTrue();
        assertThat(demo("auto", false).enabled()).isFalse();
    }

    @Test
    void anExternalDatabaseGetsDemoDataOnlyWhenAskedFor() {
        assertThat(demo("on", false).enabled()).isTrue();
        assertThat(demo("off", true).enabled()).isFalse();
    }
}
