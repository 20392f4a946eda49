package app.rungs.evidence.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import org.hibernate.Session;

/** The stream-writing part of {@link AttachmentContentRepository}, in the transaction's own connection. */
class AttachmentContentStreamsImpl implements AttachmentContentStreams {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void insertContent(Long attachmentId, InputStream content, long length) {
        // The PostgreSQL driver sends a stream parameter to the server as it reads it; a byte[] entity would hold the
        // whole file (and Hibernate's copies of it) in the heap.
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement(
                    "insert into evidence_attachment_content (attachment_id, content) values (?, ?)")) {
                insert.setLong(1, attachmentId);
                insert.setBinaryStream(2, content, length);
                insert.executeUpdate();
            }
        });
    }
}
