package app.rungs.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.security.domain.Role;
import app.rungs.security.service.SsoRoles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role claim's shapes and the exact, case-sensitive mapping of its values to roles. */
class SsoRolesTest {

    private static final Map<String, Set<Role>> MAPPING = Map.of(
            "eng", Set.of(Role.ENGINEER),
            "eng-managers", Set.of(Role.MANAGER, Role.ENGINEER),
            "rungs-admins", Set.of(Role.ADMIN));

    @Test
    void aListOfGroupsGrantsTheUnionOfTheirRoles() {
        assertThat(SsoRoles.derive(SsoRoles.values(List.of("eng", "rungs-admins")), MAPPING))
                .containsExactlyInAnyOrder(Role.ENGINEER, Role.ADMIN);
    }

    @Test
    void aSingleStringClaimIsOneValue() {
        assertThat(SsoRoles.derive(SsoRoles.values("eng-managers"), MAPPING))
                .containsExactlyInAnyOrder(Role.MANAGER, Role.ENGINEER);
    }

    @Test
    void valuesMatchExactlyNotByCaseOrPrefixOrWhitespace() {
        assertThat(SsoRoles.derive(
                        SsoRoles.values(List.of("ENG", "eng-", "rungs-admins-x", " rungs-admins", "rungs")), MAPPING))
                .isEmpty();
    }

    @Test
    void nonStringValuesAndMissingClaimsGiveNothing() {
        assertThat(SsoRoles.values(null)).isEmpty();
        assertThat(SsoRoles.values(42)).isEmpty();
        assertThat(SsoRoles.values(List.of(Map.of("name", "rungs-admins"), 7))).isEmpty();
        assertThat(SsoRoles.values(Map.of("rungs-admins", true))).isEmpty();
    }

    @Test
    void theEmailVerifiedClaimCountsOnlyWhenExplicitlyTrue() {
        assertThat(SsoUserService.verified(true)).isTrue();
        assertThat(SsoUserService.verified("true")).isTrue();
        assertThat(SsoUserService.verified(false)).isFalse();
        assertThat(SsoUserService.verified("TRUE ")).isFalse();
        assertThat(SsoUserService.verified("yes")).isFalse();
        assertThat(SsoUserService.verified(null)).isFalse();
    }
}
