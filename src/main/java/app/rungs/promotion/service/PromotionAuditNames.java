package app.rungs.promotion.service;

import app.rungs.audit.service.AuditName;
import app.rungs.audit.service.AuditNamer;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.domain.PromotionCaseRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Names promotion cases in the audit log ("Lena Fischer → DSE-3"), linking to the case. */
@Component
@PreAuthorize("hasRole('ADMIN')") // only the audit log asks, for admins
class PromotionAuditNames implements AuditNamer {

    private final PromotionCaseRepository cases;
    private final PersonDirectory directory;

    PromotionAuditNames(PromotionCaseRepository cases, PersonDirectory directory) {
        this.cases = cases;
        this.directory = directory;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("PromotionCase");
    }

    @Override
    public Map<String, AuditName> names(String objectType, Collection<String> objectIds) {
        var names = new HashMap<String, AuditName>();
        var ids = AuditNamer.numericIds(objectIds);
        if (ids.isEmpty()) {
            return names;
        }
        var rows = cases.findLabels(ids);
        var people = directory.cards(rows.stream().map(r -> (Long) r[1]).toList());
        for (var row : rows) {
            var id = (Long) row[0];
            var person = people.get((Long) row[1]);
            var who = person == null ? "Promotion case #" + id : person.fullName();
            names.put(String.valueOf(id), new AuditName(who + " \u2192 " + row[2], PromotionRoutes.promotionCase(id)));
        }
        return names;
    }
}
