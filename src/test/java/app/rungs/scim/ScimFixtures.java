package app.rungs.scim;

import app.rungs.scim.service.ScimSafetyValve;
import app.rungs.scim.service.ScimTokens;
import app.rungs.support.DemoUsers;
import app.rungs.support.RunAs;
import java.util.UUID;

/** Tokens and safety limits for SCIM tests, set up as the demo admin. */
public record ScimFixtures(RunAs runAs, ScimTokens tokens, ScimSafetyValve valve) {

    /** A fresh token; its name is unique, so the audit log's actor "SCIM (name)" identifies this test's changes. */
    public Token newToken(String prefix) {
        var name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        var created = runAs.as(DemoUsers.ADMIN, () -> tokens.create(name));
        return new Token(created.token().id(), name, created.secret());
    }

    public void revoke(Token token) {
        runAs.run(DemoUsers.ADMIN, () -> tokens.revoke(token.id()));
    }

    public void limits(int percent, int perHour) {
        runAs.run(DemoUsers.ADMIN, () -> valve.changeLimits(valve.limits().version(), percent, perHour));
    }

    public record Token(Long id, String name, String secret) {}
}
