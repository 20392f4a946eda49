package app.rungs.people.service;

/** A team as offered in pickers. */
public record TeamOption(Long id, String name, Long parentId, Long leadPersonId) {}
