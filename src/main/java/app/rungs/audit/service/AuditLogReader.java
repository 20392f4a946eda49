package app.rungs.audit.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log as admins read it: a page of events with who acted and what it was about named by the features
 * that own them, one read per object type on the page (never one per row).
 */
@Service
public class AuditLogReader {

    private final AuditService audit;
    private final ObjectProvider<AuditNamer> namers;
    private final ObjectProvider<AuditActorNamer> actorNamers;

    AuditLogReader(AuditService audit, ObjectProvider<AuditNamer> namers, ObjectProvider<AuditActorNamer> actorNamers) {
        this.audit = audit;
        this.namers = namers;
        this.actorNamers = actorNamers;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditRow> find(AuditFilter filter, Pageable page) {
        var entries = audit.find(filter, page);
        var actors = actorNames(entries.stream().map(AuditEntry::actor).collect(Collectors.toSet()));
        var objects = objectNames(entries);
        return entries.stream()
                .map(e -> new AuditRow(
                        e,
                        actors.getOrDefault(e.actor(), new AuditName(e.actor(), null)),
                        objects.getOrDefault(key(e.objectType(), e.objectId()), fallback(e))))
                .toList();
    }

    private Map<String, AuditName> actorNames(Collection<String> usernames) {
        var names = new HashMap<String, AuditName>();
        actorNamers.orderedStream().forEach(n -> names.putAll(n.names(usernames)));
        return names;
    }

    private Map<String, AuditName> objectNames(List<AuditEntry> entries) {
        var idsByType = entries.stream()
                .filter(e -> e.objectType() != null && e.objectId() != null)
                .collect(Collectors.groupingBy(
                        AuditEntry::objectType, Collectors.mapping(AuditEntry::objectId, Collectors.toSet())));
        var names = new HashMap<String, AuditName>();
        for (var namer : namers.orderedStream().toList()) {
            for (var type : namer.objectTypes()) {
                var ids = idsByType.get(type);
                if (ids != null) {
                    namer.names(type, ids).forEach((id, name) -> names.put(key(type, id), name));
                }
            }
        }
        return names;
    }

    private static String key(String type, String id) {
        return type + "#" + id;
    }

    /** "Ladder #55" when nobody can name it (deleted since, or a type without a namer). */
    private static AuditName fallback(AuditEntry e) {
        if (e.objectType() == null) {
            return new AuditName("", null);
        }
        return new AuditName(e.objectType() + (e.objectId() == null ? "" : " #" + e.objectId()), null);
    }
}
