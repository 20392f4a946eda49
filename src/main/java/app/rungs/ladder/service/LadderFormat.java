package app.rungs.ladder.service;

/** The file formats a ladder version can be exported to. YAML and CSV can also be imported. */
public enum LadderFormat {
    YAML("yaml", "application/yaml; charset=utf-8", "YAML (ladder as code)"),
    CSV("csv", "text/csv; charset=utf-8", "CSV (spreadsheet)"),
    MARKDOWN("md", "text/markdown; charset=utf-8", "Markdown (handbook page)");

    private final String extension;
    private final String contentType;
    private final String label;

    LadderFormat(String extension, String contentType, String label) {
        this.extension = extension;
        this.contentType = contentType;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public String label() {
        return label;
    }

    /** The importable format of a file name, by its extension. */
    static LadderFormat ofFileName(String fileName) {
        var name = fileName == null
                ? ""
                : fileName.toLowerCase(java.util.Locale.ROOT).strip();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new ImportException("Choose a .yaml, .yml or .csv file; \"" + (fileName == null ? "" : fileName)
                + "\" is neither. See docs/ladder-yaml-schema.md for both formats.");
    }
}
