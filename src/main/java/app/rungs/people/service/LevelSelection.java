package app.rungs.people.service;

/** A person selected in the grid, with the version the admin saw (for bulk changes). */
public record LevelSelection(Long personId, long expectedVersion) {}
