package app.rungs.shared.security;

/**
 * The names of the three roles, as constants for {@code @RolesAllowed} and {@code @PreAuthorize}. They live in
 * {@code shared} so that any feature can name a role without depending on the {@code security} feature (constants
 * are inlined by the compiler, so such a dependency would be invisible to the architecture tests).
 */
public final class AppRoles {

    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";
    public static final String ENGINEER = "ENGINEER";

    private AppRoles() {}
}
