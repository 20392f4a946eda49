package app.rungs.evidence.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentContentRepository extends JpaRepository<AttachmentContent, Long>, AttachmentContentStreams {}
