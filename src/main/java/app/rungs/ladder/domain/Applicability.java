package app.rungs.ladder.domain;

/** To whom a competency applies. */
public enum Applicability {
    /** Everyone on the ladder. */
    CORE("Core"),
    /** Only people whose specialization is one of the competency's specializations. */
    TRACK("Track-specific"),
    /** Anyone may show it; a level asks for at least k of its electives. */
    ELECTIVE("Elective");

    private final String label;

    Applicability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
