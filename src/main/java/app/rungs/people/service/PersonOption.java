package app.rungs.people.service;

/** A person as offered in pickers and shown in reporting chains. */
public record PersonOption(Long id, String fullName, String email, String jobTitle) {

    public String label() {
        return fullName + " (" + email + ")";
    }
}
