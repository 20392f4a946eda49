package app.rungs.evidence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/** The bytes of an attachment, in their own table so that listing attachments never reads them. */
@Entity
@Table(name = "evidence_attachment_content")
public class AttachmentContent implements Persistable<Long> {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Column(nullable = false, updatable = false)
    private byte[] content;

    /** The id is assigned (the attachment's), so newness is tracked here to save without a select first. */
    @Transient
    private boolean fresh = true;

    protected AttachmentContent() {}

    public AttachmentContent(Long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    @Override
    public Long getId() {
        return attachmentId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    public Long getAttachmentId() {
        return attachmentId;
    }

    public byte[] getContent() {
        return content;
    }
}
