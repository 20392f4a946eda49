package app.rungs.scim.web;

import app.rungs.scim.service.ScimCaller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a SCIM token. Its name is what the audit log records as the actor; its only
 * authority is {@link ScimCaller#AUTHORITY}, so no role-protected service or screen accepts it.
 */
final class ScimAuthentication extends AbstractAuthenticationToken {

    private final ScimCaller caller;

    ScimAuthentication(ScimCaller caller) {
        super(List.of(new SimpleGrantedAuthority(ScimCaller.AUTHORITY)));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ScimCaller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.actorName();
    }
}
