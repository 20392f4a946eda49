package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.Ladder;
import app.rungs.ladder.domain.LadderPaySettings;
import app.rungs.ladder.domain.LadderPaySettingsRepository;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.LevelPayBand;
import app.rungs.ladder.domain.LevelPayBandRepository;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.VersionAction;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Level pay bands: admins edit them in a draft (they are part of the version, so they publish, copy into new drafts
 * and show in the version diff with the rest); who else reads them is decided per ladder by an admin and enforced
 * here by {@link PayBandAccess}, so no screen or export can show more.
 */
@Service
public class LadderPayBandService {

    private final LevelPayBandRepository bands;
    private final LevelRepository levels;
    private final LadderVersionRepository versions;
    private final LadderPaySettingsRepository settings;
    private final LadderDrafts drafts;
    private final PayBandStore store;
    private final PayBandAccess access;
    private final LadderRepository ladders;
    private final AuditService audit;
    private final Clock clock;

    LadderPayBandService(
            LevelPayBandRepository bands,
            LevelRepository levels,
            LadderVersionRepository versions,
            LadderPaySettingsRepository settings,
            LadderDrafts drafts,
            PayBandStore store,
            PayBandAccess access,
            LadderRepository ladders,
            AuditService audit,
            Clock clock) {
        this.access = access;
        this.ladders = ladders;
        this.bands = bands;
        this.levels = levels;
        this.versions = versions;
        this.settings = settings;
        this.drafts = drafts;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every band of a version, by level key in ladder order. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, List<PayBand>> bands(Long versionId) {
        return store.byLevel(versionId);
    }

    /** Whether the signed-in user may read this level's pay; screens ask before they show a pay section. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayRead(Long versionId, String levelKey) {
        return access.canRead(versionId, levelKey);
    }

    /** One level's bands and the ladder's market reference, for a reader {@link PayBandAccess} allows. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') or @payBandAccess.canRead(#versionId, #levelKey)")
    public PayBand.LevelPay levelPay(Long versionId, String levelKey) {
        var version = versions.findWithLadder(versionId).orElseThrow(() -> new NotFoundException("Version not found"));
        var levelBands = bands.findByVersionAndLevels(versionId, List.of(levelKey)).stream()
                .map(PayBandStore::view)
                .toList();
        var reference = settings.findById(version.getLadder().getId())
                .map(LadderPaySettings::getMarketReference)
                .orElse(null);
        return new PayBand.LevelPay(levelKey, levelBands, reference);
    }

    /** Adds or replaces a level's band in the input's currency; only in a draft. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void saveBand(Long versionId, String levelKey, PayBand.Input input) {
        var draft = drafts.require(versionId, VersionAction.EDIT);
        var level = levels.findByVersion(versionId).stream()
                .filter(l -> l.getKey().equals(levelKey))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Level " + levelKey + " not found in this version"));
        var currency =
                input.currency() == null ? null : input.currency().strip().toUpperCase(Locale.ROOT);
        var problems = PayBandRules.check(currency, input.min(), input.mid(), input.max(), input.effectiveOn());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream()
                    .map(p -> label(p.field()) + " " + p.message() + ".")
                    .toList());
        }
        var existing = bands.findByVersionAndLevels(versionId, List.of(levelKey)).stream()
                .filter(b -> b.getCurrency().equals(currency))
                .findFirst();
        var before = existing.map(PayBandStore::view)
                .map(LadderPayBandService::describe)
                .orElse(null);
        var band = existing.orElseGet(() -> new LevelPayBand(draft, level, currency));
        band.set(input.min(), input.mid(), input.max(), input.effectiveOn());
        bands.save(band);
        var after = describe(PayBandStore.view(band));
        audit.record(
                "LADDER_PAY_BAND_SAVED",
                "Ladder",
                draft.getLadder().getId(),
                (before == null ? "Added" : "Changed") + " the " + currency + " pay band of " + levelKey
                        + " in draft version " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                before == null ? null : Map.of("band", before),
                Map.of("band", after));
    }

    /** Removes a level's band in one currency; only in a draft. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void removeBand(Long versionId, String levelKey, String currency) {
        var draft = drafts.require(versionId, VersionAction.EDIT);
        var band = bands.findByVersionAndLevels(versionId, List.of(levelKey)).stream()
                .filter(b -> b.getCurrency().equals(currency))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(levelKey + " has no " + currency + " pay band"));
        var before = describe(PayBandStore.view(band));
        bands.delete(band);
        audit.record(
                "LADDER_PAY_BAND_REMOVED",
                "Ladder",
                draft.getLadder().getId(),
                "Removed the " + currency + " pay band of " + levelKey + " in draft version " + draft.getNumber()
                        + " of " + draft.getLadder().getName(),
                Map.of("band", before),
                null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public PayBand.Settings settings(Long ladderId) {
        return settings.findById(ladderId)
                .map(s -> new PayBand.Settings(
                        ladderId, s.isBandsShownToEngineers(), s.getMarketReference(), s.getVersion()))
                .orElse(new PayBand.Settings(ladderId, false, null, -1));
    }

    /**
     * Lets engineers see the bands of their own and next level on this ladder, or stops it. {@code expectedVersion}
     * is -1 when the caller saw no settings yet.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void showBandsToEngineers(Long ladderId, boolean shown, long expectedVersion) {
        var ladder = ladders.findById(ladderId)
                .map(Ladder::getName)
                .orElseThrow(() -> new NotFoundException("Ladder not found"));
        var s = settings.findById(ladderId).orElse(null);
        if ((s == null ? -1 : s.getVersion()) != expectedVersion) {
            throw new ConcurrentEditException("The pay band settings");
        }
        if (s == null) {
            s = new LadderPaySettings(ladderId, null);
        }
        boolean before = s.isBandsShownToEngineers();
        s.showBandsToEngineers(shown, CurrentUser.actorName(), Instant.now(clock));
        settings.saveAndFlush(s);
        audit.record(
                "LADDER_PAY_SETTINGS_CHANGED",
                "Ladder",
                ladderId,
                shown
                        ? "Engineers now see the pay bands of their own and next level on " + ladder
                        : "Pay bands of " + ladder + " are now shown to admins only",
                Map.of("bandsShownToEngineers", before),
                Map.of("bandsShownToEngineers", shown));
    }

    /** Bands added, changed or removed from one version to another, in ladder order of the newer version. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<PayBand.Change> diff(Long fromVersionId, Long toVersionId) {
        return diff(store.byLevel(fromVersionId), store.byLevel(toVersionId));
    }

    static List<PayBand.Change> diff(Map<String, List<PayBand>> before, Map<String, List<PayBand>> after) {
        var keys = new LinkedHashMap<String, Boolean>();
        after.keySet().forEach(k -> keys.put(k, true));
        before.keySet().forEach(k -> keys.putIfAbsent(k, true));
        var changes = new ArrayList<PayBand.Change>();
        for (var level : keys.keySet()) {
            var old = byCurrency(before.get(level));
            var now = byCurrency(after.get(level));
            for (var e : now.entrySet()) {
                var was = old.get(e.getKey());
                if (was == null) {
                    changes.add(new PayBand.Change(level, e.getKey(), "Added", null, describe(e.getValue())));
                } else if (!same(was, e.getValue())) {
                    changes.add(
                            new PayBand.Change(level, e.getKey(), "Changed", describe(was), describe(e.getValue())));
                }
            }
            for (var e : old.entrySet()) {
                if (!now.containsKey(e.getKey())) {
                    changes.add(new PayBand.Change(level, e.getKey(), "Removed", describe(e.getValue()), null));
                }
            }
        }
        return changes;
    }

    private static String describe(PayBand b) {
        return b.describe();
    }

    private static boolean same(PayBand a, PayBand b) {
        return a.min() == b.min()
                && a.mid() == b.mid()
                && a.max() == b.max()
                && Objects.equals(a.effectiveOn(), b.effectiveOn());
    }

    private static Map<String, PayBand> byCurrency(List<PayBand> list) {
        var map = new LinkedHashMap<String, PayBand>();
        if (list != null) {
            list.forEach(b -> map.put(b.currency(), b));
        }
        return map;
    }

    private static String label(String field) {
        return switch (field) {
            case "currency" -> "Currency";
            case "min" -> "Minimum";
            case "mid" -> "Midpoint";
            case "max" -> "Maximum";
            case "effective" -> "Effective date";
            default -> "The band";
        };
    }
}
