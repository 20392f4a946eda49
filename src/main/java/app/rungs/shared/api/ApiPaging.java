package app.rungs.shared.api;

import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;

/** The page and size parameters of every REST API list, checked: page from 0, size 1 to {@value #MAX_SIZE}. */
public record ApiPaging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static ApiPaging of(Integer page, Integer size) {
        var p = page == null ? 0 : page;
        var s = size == null ? DEFAULT_SIZE : size;
        var problems = new ArrayList<String>();
        if (p < 0) {
            problems.add("page must be 0 or more (pages are counted from 0), not " + p + ".");
        } else if (p > 1_000_000) {
            problems.add("page must be at most 1000000, not " + p + ".");
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add("size must be between 1 and " + MAX_SIZE + ", not " + s + ".");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new ApiPaging(p, s);
    }

    public int offset() {
        return page * size;
    }
}
