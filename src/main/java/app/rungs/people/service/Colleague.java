package app.rungs.people.service;

/** Someone of the organization as offered in pickers of colleagues (e.g. reviewers of a promotion case). */
public record Colleague(Long id, String fullName, String jobTitle, String teamName) {

    public String label() {
        return jobTitle == null || jobTitle.isBlank() ? fullName : fullName + " · " + jobTitle;
    }
}
