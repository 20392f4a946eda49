package app.rungs.security.service;

import app.rungs.security.domain.Role;
import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: who is signed in, with the ids services need for per-object checks. */
public record RungsUser(
        Long accountId,
        String username,
        String displayName,
        String passwordHash,
        boolean enabled,
        Set<Role> roles,
        Long personId)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    public RungsUser {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role shown in the user menu: the most privileged one. */
    public Role primaryRole() {
        return List.of(Role.ADMIN, Role.MANAGER, Role.ENGINEER).stream()
                .filter(roles::contains)
                .findFirst()
                .orElse(Role.ENGINEER);
    }

    /** Drops the password hash once authenticated; the session never needs it. */
    public RungsUser withoutPassword() {
        return new RungsUser(accountId, username, displayName, "", enabled, roles, personId);
    }
}
