package app.rungs.people.service;

/** Receives progress of a long import, e.g. to move a progress bar. Called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (step, done, total) -> {};

    void update(String step, int done, int total);
}
