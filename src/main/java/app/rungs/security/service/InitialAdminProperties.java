package app.rungs.security.service;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created on the first start of an empty database without demo data.
 *
 * @param username login name of the first admin
 * @param password its password; when blank a random one is generated and printed to the log once
 */
@ConfigurationProperties("rungs.initial-admin")
public record InitialAdminProperties(String username, String password) {
    public InitialAdminProperties {
        if (username == null || username.isBlank()) {
            username = "admin";
        }
    }
}
