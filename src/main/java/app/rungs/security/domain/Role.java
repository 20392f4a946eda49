package app.rungs.security.domain;

/** The three kinds of users. Names match Spring Security authorities {@code ROLE_<name>}. */
public enum Role {
    ADMIN("Admin"),
    MANAGER("Manager"),
    ENGINEER("Engineer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
