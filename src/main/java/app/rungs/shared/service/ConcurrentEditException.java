package app.rungs.shared.service;

/** Someone else saved the same object first; the caller must reload and reapply their change. */
public class ConcurrentEditException extends RuntimeException {
    public ConcurrentEditException(String what) {
        super(
                what
                        + " was changed by someone else while you were editing. Reload to see their change, then apply yours again.");
    }
}
