package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderContent;

/** What the editor's sections and dialogs need from the editor: the version shown, and a way to change its draft. */
interface DraftEditor {

    /** One structural change to the draft, given the draft version the admin saw; returns the draft's new version. */
    @FunctionalInterface
    interface Edit {
        long apply(long expectedVersion);
    }

    LadderContent content();

    boolean isDraft();

    Long versionId();

    /** Applies a change; a stale draft is reloaded so the admin sees the other change. True when it went through. */
    boolean edit(Edit change);

    /** Reloads the ladder and redraws what depends on it. */
    void refresh();
}
