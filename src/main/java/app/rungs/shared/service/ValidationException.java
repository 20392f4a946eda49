package app.rungs.shared.service;

import java.util.List;

/** Input that a service refuses, with messages meant for the user. Nothing was changed. */
public class ValidationException extends RuntimeException {
    private final List<String> problems;

    public ValidationException(String message) {
        this(List.of(message));
    }

    public ValidationException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
