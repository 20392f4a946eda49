package app.rungs.evidence.domain;

import java.io.InputStream;

/** Writes attachment bytes from a stream, so an upload goes from its temporary file to PostgreSQL in pieces. */
public interface AttachmentContentStreams {

    /** Inserts the content of an attachment whose row exists (flushed) already; reads exactly {@code length} bytes. */
    void insertContent(Long attachmentId, InputStream content, long length);
}
