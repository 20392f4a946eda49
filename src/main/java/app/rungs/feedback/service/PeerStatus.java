package app.rungs.feedback.service;

import app.rungs.feedback.domain.AskStatus;

/** Where one asked peer stands, for those who may know who was asked; the reason when they declined. */
public record PeerStatus(String peerName, AskStatus status, String declineReason) {}
