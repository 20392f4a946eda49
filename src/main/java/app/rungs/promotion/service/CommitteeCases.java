package app.rungs.promotion.service;

import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a calibration committee reads about the promotion cases it decides: the cases of its engineers in one cycle
 * (in one statement) and the readiness of a frozen packet. A committee member is often neither the engineer's manager
 * nor a reviewer, so the read is granted by a {@link CaseReadGrant} (or the admin role), never by a system identity.
 */
@Service
public class CommitteeCases {

    static final int MAX_ENGINEERS = 1_000;

    private final PromotionCaseRepository cases;
    private final List<CaseReadGrant> grants;
    private final JsonMapper json = JsonMapper.builder().build();

    CommitteeCases(PromotionCaseRepository cases, List<CaseReadGrant> grants) {
        this.cases = cases;
        this.grants = grants;
    }

    /** The cases of these engineers in the cycle, whatever their status; refused unless granted. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<CaseRow> ofCycle(String cycle, Collection<Long> engineerIds) {
        if (cycle == null || engineerIds == null || engineerIds.isEmpty()) {
            return List.of();
        }
        var ids = Set.copyOf(engineerIds);
        if (ids.size() > MAX_ENGINEERS) {
            throw new IllegalArgumentException("At most " + MAX_ENGINEERS + " engineers at a time");
        }
        if (!granted(cycle, ids)) {
            throw new AccessDeniedException("These promotion cases are not yours to read.");
        }
        Specification<PromotionCase> spec = (root, query, cb) -> cb.and(
                cb.equal(root.get("cycle"), cycle), root.get("engineerId").in(ids));
        return cases.findAll(spec).stream().map(PromotionQueries::row).toList();
    }

    /**
     * The readiness of a case's frozen packet (a case in calibration, or decided), for a committee comparing
     * candidates; empty while the packet is live (the case's own page shows it to those who see the case).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Optional<Packet> frozenPacket(Long caseId) {
        var c = cases.findById(caseId).orElse(null);
        if (c == null || !granted(c.getCycle(), Set.of(c.getEngineerId())) || c.getFrozenPacket() == null) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(c.getFrozenPacket(), Packet.class));
    }

    private boolean granted(String cycle, Set<Long> ids) {
        return CurrentUser.require().has(Role.ADMIN) || grants.stream().anyMatch(g -> g.grants(cycle, ids));
    }
}
