package app.rungs.evidence.service;

/** The bytes of an attachment with what a browser needs to save them. */
public record AttachmentDownload(String fileName, String mediaType, byte[] content) {}
