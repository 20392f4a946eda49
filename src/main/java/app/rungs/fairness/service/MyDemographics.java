package app.rungs.fairness.service;

import app.rungs.fairness.domain.EthnicMinority;
import app.rungs.fairness.domain.Gender;

/**
 * The signed-in person's own answers.
 *
 * @param recorded whether the organization records demographics at all (off: nothing can be entered)
 * @param version the version to pass back when saving; -1 when nothing was entered yet
 */
public record MyDemographics(boolean recorded, Gender gender, EthnicMinority ethnicMinority, long version) {}
