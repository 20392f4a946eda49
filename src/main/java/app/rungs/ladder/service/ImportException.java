package app.rungs.ladder.service;

import app.rungs.shared.service.ValidationException;
import java.util.List;

/** A ladder file was refused; every problem names its line (and field) where one applies. Nothing was imported. */
public class ImportException extends ValidationException {
    public ImportException(List<String> problems) {
        super(problems);
    }

    public ImportException(String problem) {
        super(problem);
    }
}
