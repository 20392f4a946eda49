package app.rungs.people.service;

import java.util.List;

/** What the import does with one row of the file, or why it cannot. */
public record ImportRow(int line, String email, String name, Action action, List<String> changes, List<String> errors) {

    public enum Action {
        CREATE("Create"),
        UPDATE("Update"),
        UNCHANGED("No change"),
        ERROR("Error");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
