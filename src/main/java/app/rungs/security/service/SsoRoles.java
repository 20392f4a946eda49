package app.rungs.security.service;

import app.rungs.security.domain.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the role claim of an identity provider into Rungs roles: exact values only, unmapped values ignored. */
public final class SsoRoles {

    private SsoRoles() {}

    /**
     * The claim's values: a list of strings (the usual shape of {@code groups}), one string, or nothing. Values that
     * are not strings (nested objects) are ignored rather than turned into text that might match by accident.
     */
    public static List<String> values(Object claim) {
        var values = new LinkedHashSet<String>();
        if (claim instanceof String one) {
            values.add(one);
        } else if (claim instanceof Collection<?> many) {
            for (var value : many) {
                if (value instanceof String text) {
                    values.add(text);
                }
            }
        }
        return List.copyOf(values);
    }

    /** The roles granted by the claim values through the mapping (claim value → roles); exact, case-sensitive. */
    public static Set<Role> derive(List<String> claimValues, Map<String, Set<Role>> mapping) {
        var roles = EnumSet.noneOf(Role.class);
        for (var value : claimValues) {
            roles.addAll(mapping.getOrDefault(value, Set.of()));
        }
        return roles;
    }
}
