package app.rungs.security.service;

import java.util.Optional;

/**
 * The person with an email address, for linking a single sign-on identity to an account. Implemented by the people
 * feature (security must not depend on people: people already depends on security).
 */
public interface PersonEmails {

    /** The person whose email equals {@code email} ignoring case, exactly otherwise; empty when none. */
    Optional<Long> personIdByEmail(String email);
}
