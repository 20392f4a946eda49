package app.rungs.evidence.service;

import app.rungs.audit.service.AuditName;
import app.rungs.audit.service.AuditNamer;
import app.rungs.evidence.domain.EvidenceItemRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Names evidence in the audit log by its title (evidence opens in a dialog, so there is no page to link). */
@Component
@PreAuthorize("hasRole('ADMIN')") // only the audit log asks, for admins
class EvidenceAuditNames implements AuditNamer {

    private final EvidenceItemRepository items;

    EvidenceAuditNames(EvidenceItemRepository items) {
        this.items = items;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("Evidence");
    }

    @Override
    public Map<String, AuditName> names(String objectType, Collection<String> objectIds) {
        var names = new HashMap<String, AuditName>();
        var ids = AuditNamer.numericIds(objectIds);
        if (!ids.isEmpty()) {
            for (var row : items.findTitles(ids)) {
                names.put(String.valueOf(row[0]), new AuditName("\u201c" + row[1] + "\u201d", null));
            }
        }
        return names;
    }
}
