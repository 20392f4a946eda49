package app.rungs.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PublicLadders;
import app.rungs.support.ApiHttp;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public framework site: the page and the JSON exist only while an admin has the ladder public, need no sign-in
 * or token, and never carry anything about people.
 */
@IntegrationTest
class PublicFrameworkTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    PublicLadders publicLadders;

    @Autowired
    LadderService ladders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLadderIsPublicOnlyWhilePublishedAndNeverShowsPeople() {
        var api = new ApiHttp(port);
        var ladder = runAs.as(DemoUsers.ADMIN, () -> ladders.list(0, 100)).stream()
                .filter(l -> l.publishedVersionId() != null && !l.retired())
                .findFirst()
                .orElseThrow();
        runAs.run(DemoUsers.ADMIN, () -> publicLadders.withdraw(ladder.id()));
        try {
            var site = runAs.as(DemoUsers.ADMIN, () -> publicLadders.makePublic(ladder.id()));
            var slug = site.slug();
            assertThat(slug).matches("[a-z0-9-]+");

            var json = api.get("/api/v1/public/ladders/" + slug, null);
            assertThat(json.statusCode()).isEqualTo(200);
            var body = ApiHttp.json(json);
            assertThat(body.get("ladder").get("name").asString()).isEqualTo(ladder.name());
            assertThat(body.get("levels").size()).isEqualTo(ladder.levelCount());
            assertThat(body.get("expectations").size()).isPositive();
            assertNoPeople(jdbc, json.body());

            // Vaadin answers every route with its bootstrap page; anonymous visitors get it instead of a redirect to
            // the sign-in page (the content is checked by PublicFrameworkViewTest).
            var page = api.get("/framework/" + slug, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(api.get("/people", null).statusCode()).isEqualTo(302);
            assertThat(jdbc.sql(
                                    "select count(*) from audit_event where action = 'LADDER_MADE_PUBLIC' and object_id = ?")
                            .param(String.valueOf(ladder.id()))
                            .query(Long.class)
                            .single())
                    .isPositive();

            runAs.run(DemoUsers.ADMIN, () -> publicLadders.withdraw(ladder.id()));
            assertThat(api.get("/api/v1/public/ladders/" + slug, null).statusCode())
                    .isEqualTo(404);
        } finally {
            runAs.run(DemoUsers.ADMIN, () -> publicLadders.withdraw(ladder.id()));
        }
    }

    @Test
    void anUnknownOrMalformedSlugIsNotFound() {
        var api = new ApiHttp(port);
        assertThat(api.get("/api/v1/public/ladders/no-such-ladder", null).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/public/ladders/..%2Fpeople", null).statusCode())
                .isIn(400, 404);
    }

    /** Names, usernames and emails of people and accounts never appear, nor who published the version. */
    static void assertNoPeople(JdbcClient jdbc, String text) {
        List<String> names =
                jdbc.sql("select full_name from person").query(String.class).list();
        assertThat(names).isNotEmpty();
        assertThat(text)
                .doesNotContain("@rungs.demo")
                .doesNotContain("publishedBy")
                .doesNotContain("createdBy");
        for (var name : names) {
            assertThat(text).as("a person's name").doesNotContain(name);
        }
    }
}
