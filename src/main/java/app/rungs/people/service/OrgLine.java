package app.rungs.people.service;

import java.util.List;
import java.util.Map;

/**
 * What the org chart needs to show one person: the line from the top of the viewer's chart down to them, and for each
 * manager on that line the first page of their reports, which always includes the next person on the line.
 *
 * @param path the viewer's chart root first, the person last
 * @param children for each manager on the path (not the person), their reports as the chart shows them first
 */
public record OrgLine(List<OrgNode> path, Map<Long, List<OrgNode>> children) {

    public OrgNode person() {
        return path.getLast();
    }
}
