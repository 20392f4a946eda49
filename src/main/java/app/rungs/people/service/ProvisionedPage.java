package app.rungs.people.service;

import java.util.List;

/** One page of people for a SCIM list: the total that match and the page asked for. */
public record ProvisionedPage(long total, List<ProvisionedPerson> people) {}
