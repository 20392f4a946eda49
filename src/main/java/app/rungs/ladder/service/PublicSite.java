package app.rungs.ladder.service;

import java.time.Instant;

/**
 * Whether a ladder's published version is open to anonymous visitors, and at which address.
 *
 * @param slug the last part of /framework/&lt;slug&gt;; kept after withdrawing, so publishing again restores links
 */
public record PublicSite(Long ladderId, boolean isPublic, String slug, Instant since) {

    public String path() {
        return slug == null ? null : "/framework/" + slug;
    }
}
