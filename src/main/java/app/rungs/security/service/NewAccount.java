package app.rungs.security.service;

import app.rungs.security.domain.Role;
import java.util.Set;

/** An account to create in bulk (HRIS import); it gets no usable password until an admin sets one. */
public record NewAccount(String username, String displayName, Set<Role> roles, Long personId) {}
