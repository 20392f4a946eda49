package app.rungs.feedback.service;

import app.rungs.feedback.domain.EngineerVisibility;

/** The organization's feedback choice as the admin screen edits it. */
public record FeedbackSettingsView(EngineerVisibility engineerVisibility, long version) {}
