package app.rungs.audit.service;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Names what audit events are about, so the log reads "Lena Fischer" rather than "Person #12". Each feature names
 * its own object types (it depends on the audit feature already, never the other way round). Implementations read
 * all asked-for ids at once: the log names a page of events in one read per type.
 */
public interface AuditNamer {

    /** The object types, as recorded, this namer knows. */
    Set<String> objectTypes();

    /** Names of the objects of one type by id; ids it cannot name (deleted, malformed) are left out. */
    Map<String, AuditName> names(String objectType, Collection<String> objectIds);

    /** Parses ids recorded as text, skipping anything that is not a number. */
    static Set<Long> numericIds(Collection<String> ids) {
        var result = new java.util.HashSet<Long>();
        for (var id : ids) {
            if (id != null && id.matches("\\d{1,18}")) {
                result.add(Long.parseLong(id));
            }
        }
        return result;
    }
}
