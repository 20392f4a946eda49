package app.rungs.people.service;

/** One person in the org chart, with the number of people reporting to them directly. */
public record OrgNode(
        Long id, String fullName, String jobTitle, String teamName, Long ladderId, String levelKey, int directReports) {

    public boolean hasReports() {
        return directReports > 0;
    }
}
