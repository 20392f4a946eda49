package app.rungs.evidence.domain;

/** The kinds of evidence an engineer can log; each has its own validated fields (see EvidenceFields). */
public enum EvidenceType {
    INCIDENT_POSTMORTEM("Incident postmortem", "vaadin:fire"),
    PUBLICATION("Publication", "vaadin:book"),
    DESIGN_DOCUMENT("Design document / RFC", "vaadin:file-text-o"),
    OPEN_SOURCE("Open-source contribution", "vaadin:code"),
    STANDARDS("Standards work", "vaadin:institution"),
    TALK("Talk", "vaadin:microphone"),
    MENTORING("Mentoring", "vaadin:users"),
    CERTIFICATION("Certification", "vaadin:diploma"),
    DEGREE("Degree", "vaadin:academy-cap"),
    OTHER("Other", "vaadin:star-o");

    private final String label;
    private final String icon;

    EvidenceType(String label, String icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    /** A Vaadin icon name ("vaadin:fire"). */
    public String icon() {
        return icon;
    }
}
