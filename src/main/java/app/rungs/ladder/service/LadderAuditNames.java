package app.rungs.ladder.service;

import app.rungs.audit.service.AuditName;
import app.rungs.audit.service.AuditNamer;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderVersionRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Names ladders and their versions in the audit log, linking to the ladder's version history. */
@Component
@PreAuthorize("hasRole('ADMIN')") // only the audit log asks, for admins
class LadderAuditNames implements AuditNamer {

    private final LadderRepository ladders;
    private final LadderVersionRepository versions;

    LadderAuditNames(LadderRepository ladders, LadderVersionRepository versions) {
        this.ladders = ladders;
        this.versions = versions;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("Ladder", "LadderVersion");
    }

    @Override
    public Map<String, AuditName> names(String objectType, Collection<String> objectIds) {
        var names = new HashMap<String, AuditName>();
        var ids = AuditNamer.numericIds(objectIds);
        if (ids.isEmpty()) {
            return names;
        }
        if (objectType.equals("Ladder")) {
            for (var row : ladders.findNames(ids)) {
                var id = (Long) row[0];
                names.put(String.valueOf(id), new AuditName((String) row[1], history(id)));
            }
        } else {
            for (var v : versions.findAllWithLadder(ids)) {
                var ladder = v.getLadder();
                names.put(
                        String.valueOf(v.getId()),
                        new AuditName(ladder.getName() + ", version " + v.getNumber(), history(ladder.getId())));
            }
        }
        return names;
    }

    private static String history(Long ladderId) {
        return "ladders/" + ladderId + "/history";
    }
}
