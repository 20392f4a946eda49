package app.rungs.calibration.service;

import app.rungs.people.service.TeamOption;
import java.util.List;

/** What the "new session" form offers: teams, levels (in ladder order), the default scale and cycle. */
public record ScopeOptions(
        List<TeamOption> teams, List<String> levelKeys, List<String> defaultScale, String currentCycle) {}
