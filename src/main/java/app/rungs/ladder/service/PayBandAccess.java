package app.rungs.ladder.service;

import app.rungs.ladder.domain.LadderPaySettingsRepository;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read a level's pay band, for {@code @PreAuthorize} on {@link LadderPayBandService}: admins always; anyone
 * else only for their own level and the next one of the published version of their own ladder, and only while an
 * admin lets engineers see bands on that ladder. Drafts are admin-only.
 */
@Component("payBandAccess")
public class PayBandAccess {

    private final LadderVersionRepository versions;
    private final LevelRepository levels;
    private final LadderPaySettingsRepository settings;
    private final ObjectProvider<LadderPlacement> placement;

    PayBandAccess(
            LadderVersionRepository versions,
            LevelRepository levels,
            LadderPaySettingsRepository settings,
            ObjectProvider<LadderPlacement> placement) {
        this.versions = versions;
        this.levels = levels;
        this.settings = settings;
        this.placement = placement;
    }

    @Transactional(readOnly = true)
    public boolean canRead(Long versionId, String levelKey) {
        var user = CurrentUser.get();
        if (user.isEmpty() || versionId == null || levelKey == null) {
            return false;
        }
        if (user.get().has(Role.ADMIN)) {
            return true;
        }
        var version = versions.findWithLadder(versionId);
        if (version.isEmpty() || version.get().getStatus() != VersionStatus.PUBLISHED) {
            return false;
        }
        var ladderId = version.get().getLadder().getId();
        boolean shown = settings.findById(ladderId)
                .map(s -> s.isBandsShownToEngineers())
                .orElse(false);
        if (!shown) {
            return false;
        }
        var mine = placement.stream().findFirst().flatMap(LadderPlacement::mine);
        if (mine.isEmpty() || !ladderId.equals(mine.get().ladderId())) {
            return false;
        }
        if (levelKey.equals(mine.get().levelKey())) {
            return true;
        }
        var ordered = levels.findByVersion(versionId);
        for (int i = 0; i + 1 < ordered.size(); i++) {
            if (ordered.get(i).getKey().equals(mine.get().levelKey())) {
                return ordered.get(i + 1).getKey().equals(levelKey);
            }
        }
        return false;
    }
}
