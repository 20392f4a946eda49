package app.rungs.ladder.service;

import app.rungs.ladder.domain.LadderPaySettings;
import app.rungs.ladder.domain.LadderPaySettingsRepository;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelPayBand;
import app.rungs.ladder.domain.LevelPayBandRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where pay bands meet the rest of the ladder: written with a version's parts (file import, new drafts), added to
 * exports for admins only, and the template's market reference set when a ladder adopts it.
 */
@Component
class PayBandStore {

    /** Cited market references of the built-in templates, shown where a level has no company band. */
    static final Map<String, String> MARKET_REFERENCES = Map.of(
            LadderTemplates.DISTRIBUTED_SYSTEMS,
            "US market reference, not a company band: the Bureau of Labor Statistics classifies most distributed"
                    + " systems roles under SOC 15-1252 (Software Developers and Software Quality Assurance Analysts"
                    + " and Testers), median annual wage $124,200, and SOC 15-1299 (Computer Occupations, All Other),"
                    + " median $97,430 (BLS Occupational Outlook Handbook, 2023 edition).");

    private final LevelPayBandRepository bands;
    private final LadderPaySettingsRepository settings;

    PayBandStore(LevelPayBandRepository bands, LadderPaySettingsRepository settings) {
        this.bands = bands;
        this.settings = settings;
    }

    /** Saves the document's bands for the levels just written (the document was validated before). */
    void persist(LadderVersion version, Map<String, Level> levelByKey, LadderDocument doc) {
        var toSave = new ArrayList<LevelPayBand>();
        for (var tier : doc.tiers()) {
            for (var l : tier.levels()) {
                if (l.payBands() == null) {
                    continue;
                }
                for (var b : l.payBands()) {
                    var band = new LevelPayBand(
                            version, levelByKey.get(l.key()), b.currency().toUpperCase(Locale.ROOT));
                    band.set(
                            b.min(),
                            b.mid(),
                            b.max(),
                            LocalDate.parse(b.effective().strip()));
                    toSave.add(band);
                }
            }
        }
        bands.saveAll(toSave);
    }

    /** The version's bands by level key, levels in ladder order. */
    Map<String, List<PayBand>> byLevel(Long versionId) {
        var result = new LinkedHashMap<String, List<PayBand>>();
        for (var b : bands.findByVersion(versionId)) {
            result.computeIfAbsent(b.getLevel().getKey(), k -> new ArrayList<>())
                    .add(view(b));
        }
        return result;
    }

    /** The document with the version's bands on its levels; only admins' exports carry bands. */
    LadderDocument withBands(LadderDocument doc, Long versionId) {
        if (!CurrentUser.get().map(u -> u.has(Role.ADMIN)).orElse(false)) {
            return doc;
        }
        var byLevel = byLevel(versionId);
        if (byLevel.isEmpty()) {
            return doc;
        }
        return withBands(doc, byLevel);
    }

    static LadderDocument withBands(LadderDocument doc, Map<String, List<PayBand>> byLevel) {
        var tiers = doc.tiers().stream()
                .map(t -> new LadderDocument.TierDoc(
                        t.key(),
                        t.name(),
                        t.description(),
                        t.levels() == null
                                ? null
                                : t.levels().stream()
                                        .map(l -> {
                                            var levelBands = byLevel.get(l.key());
                                            return levelBands == null || levelBands.isEmpty()
                                                    ? l
                                                    : l.withPayBands(levelBands.stream()
                                                            .map(PayBandStore::doc)
                                                            .toList());
                                        })
                                        .toList()))
                .toList();
        return doc.withTiers(tiers);
    }

    /** The bands of a document, by level key. */
    static Map<String, List<PayBand>> of(LadderDocument doc) {
        var result = new LinkedHashMap<String, List<PayBand>>();
        for (var t : doc.tiers()) {
            for (var l : t.levels()) {
                if (l.payBands() != null && !l.payBands().isEmpty()) {
                    result.put(
                            l.key(),
                            l.payBands().stream()
                                    .map(b -> new PayBand(
                                            l.key(),
                                            b.currency(),
                                            b.min(),
                                            b.mid(),
                                            b.max(),
                                            LocalDate.parse(b.effective().strip())))
                                    .toList());
                }
            }
        }
        return result;
    }

    /** Gives a ladder adopted from a template the template's market reference. */
    void adoptTemplate(Long ladderId, String templateId) {
        var reference = MARKET_REFERENCES.get(templateId);
        if (reference != null && settings.findById(ladderId).isEmpty()) {
            settings.save(new LadderPaySettings(ladderId, reference));
        }
    }

    static PayBand view(LevelPayBand b) {
        return new PayBand(
                b.getLevel().getKey(), b.getCurrency(), b.getMin(), b.getMid(), b.getMax(), b.getEffectiveOn());
    }

    static LadderDocument.PayBandDoc doc(PayBand b) {
        return new LadderDocument.PayBandDoc(
                b.currency(), b.min(), b.mid(), b.max(), b.effectiveOn().toString());
    }
}
