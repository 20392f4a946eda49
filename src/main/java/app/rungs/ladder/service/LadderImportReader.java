package app.rungs.ladder.service;

import app.rungs.shared.service.ValidationException;
import java.util.List;
import java.util.Map;

/** Turns an uploaded file of any {@link ImportFormat} into a validated ladder document; all or nothing. */
final class LadderImportReader {

    private final LadderYaml yaml = new LadderYaml();
    private final LadderCsvReader csv = new LadderCsvReader();
    private final FtProgressionAdapter ft = new FtProgressionAdapter(yaml);

    /** The format to read a file as: the one chosen, or the one detected. */
    static ImportFormat formatOf(String fileName, byte[] bytes, ImportFormat chosen) {
        if (chosen != null) {
            return chosen;
        }
        return ImportFormat.detect(fileName, bytes == null ? new byte[0] : bytes);
    }

    /**
     * A file as a new ladder. {@code name} overrides the name a YAML file carries and is required for CSV sheets,
     * which carry none.
     */
    LadderDocument newLadder(ImportFormat format, byte[] bytes, String name) {
        return switch (format) {
            case LADDER_YAML -> {
                var doc = yaml.readValidated(bytes);
                yield name == null ? doc : doc.named(name);
            }
            case FT_PROGRESSION -> ft.read(bytes, name);
            case LADDER_CSV -> {
                var named = requireName(name);
                yield LadderCsvPayBands.read(bytes, b -> csv.readValidated(b, named, null, null), Map.of());
            }
            case CRITERIA_SHEET -> CriteriaSheetAdapter.read(bytes, requireName(name), null, null);
        };
    }

    /**
     * A file as the new draft of an existing ladder, which keeps its name and description. {@code base} (the latest
     * version) lends descriptions, scope and impact to CSV parts whose keys it knows, and its names to the typo checks
     * of both CSV formats.
     */
    LadderDocument draft(
            ImportFormat format,
            byte[] bytes,
            String name,
            String description,
            LadderDocument base,
            Map<String, List<PayBand>> keptBands) {
        return switch (format) {
            case LADDER_YAML -> yaml.readValidated(bytes);
            case FT_PROGRESSION -> {
                var doc = ft.read(bytes, name);
                yield doc.described(name, description);
            }
            case LADDER_CSV ->
                LadderCsvPayBands.read(bytes, b -> csv.readValidated(b, name, description, base), keptBands);
            case CRITERIA_SHEET -> CriteriaSheetAdapter.read(bytes, name, description, base);
        };
    }

    private static String requireName(String name) {
        if (name == null) {
            throw new ValidationException("Give the new ladder a name; a CSV file carries no ladder name.");
        }
        return name;
    }
}
