package app.rungs.security.service;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/** The OIDC providers configured with Spring Boot's client registration properties; none when SSO is off. */
@Component
public class SsoProviders {

    /** One provider as the sign-in page and the settings screen show it. */
    public record Provider(String registrationId, String name, String issuer) {
        public String signInPath() {
            return "oauth2/authorization/" + registrationId;
        }
    }

    private final List<Provider> providers;

    SsoProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        var found = new ArrayList<Provider>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (var item : all) {
                if (item instanceof ClientRegistration r
                        && AuthorizationGrantType.AUTHORIZATION_CODE.equals(r.getAuthorizationGrantType())
                        && r.getScopes().contains("openid")) {
                    found.add(new Provider(
                            r.getRegistrationId(),
                            r.getClientName(),
                            r.getProviderDetails().getIssuerUri()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    public List<Provider> all() {
        return providers;
    }

    public boolean any() {
        return !providers.isEmpty();
    }
}
