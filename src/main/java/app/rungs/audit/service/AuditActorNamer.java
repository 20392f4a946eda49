package app.rungs.audit.service;

import java.util.Collection;
import java.util.Map;

/** Names the people behind the usernames that acted, in one read. */
public interface AuditActorNamer {

    /** Names by username (as recorded); unknown names are left out and shown as recorded. */
    Map<String, AuditName> names(Collection<String> usernames);
}
