package app.rungs.ladder.service;

/** An exported ladder version, ready to download. */
public record LadderFile(String fileName, String contentType, byte[] content) {}
