package app.rungs.promotion.service;

/** The organization's promotion settings as an admin edits them. */
public record PromotionSettingsView(boolean verdictsShownToEngineer, long version) {}
