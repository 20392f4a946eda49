package app.rungs.scim.service;

import app.rungs.people.service.ProvisionedPerson;
import app.rungs.people.service.ProvisionedUser;
import app.rungs.people.service.Provisioning;
import app.rungs.shared.service.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A SCIM replace or deactivation in one transaction: the person's attributes through {@link Provisioning}, a
 * deactivation through the safety valve. Refused input changes nothing; a held deactivation keeps the rest.
 */
@Service
public class ScimUserWrites {

    private final Provisioning provisioning;
    private final ScimSafetyValve valve;

    ScimUserWrites(Provisioning provisioning, ScimSafetyValve valve) {
        this.provisioning = provisioning;
        this.valve = valve;
    }

    /** The person after a replace (PUT, or a PATCH applied to their current state), and the deactivation's fate. */
    public record Written(ProvisionedPerson person, DeactivationOutcome deactivation) {}

    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public Written replace(Long id, ProvisionedUser user, ScimCaller caller) {
        var current = provisioning.find(id).orElseThrow(() -> new NotFoundException("No user with the id " + id + "."));
        boolean deactivates = !user.active() && current.active();
        if (deactivates) {
            // Checked first, so a deactivation that cannot happen leaves the attributes unchanged too.
            provisioning.deactivationBlocker(id).ifPresent(problem -> {
                throw new app.rungs.shared.service.ValidationException(problem);
            });
        }
        provisioning.replace(id, user);
        DeactivationOutcome outcome = null;
        if (deactivates) {
            outcome = valve.request(id, caller.tokenName());
        }
        return new Written(provisioning.find(id).orElseThrow(), outcome);
    }

    /** DELETE: Rungs never deletes a person (their history stays); it deactivates them, through the valve. */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public DeactivationOutcome deactivate(Long id, ScimCaller caller) {
        provisioning.find(id).orElseThrow(() -> new NotFoundException("No user with the id " + id + "."));
        return valve.request(id, caller.tokenName());
    }
}
