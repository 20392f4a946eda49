package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseRole;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Collects the sections of every {@link PacketInputSource} for one packet, in the sources' order. */
public final class PacketInputs {

    private PacketInputs() {}

    /** The sections for a request the caller has authorized (see {@link PacketInputSource} on security). */
    public static List<PacketInputSection> collect(List<PacketInputSource> sources, PacketInputSource.Request request) {
        return sources.stream()
                .sorted(Comparator.comparingInt(PacketInputSource::order))
                .map(s -> s.section(request))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The engineer reads as the engineer whatever else they are (an admin reading their own case included). */
    static PacketInputSource.Audience audience(Set<CaseRole> roles) {
        return roles.contains(CaseRole.ENGINEER)
                ? PacketInputSource.Audience.ENGINEER
                : PacketInputSource.Audience.REVIEWERS;
    }

    static List<PacketInputSection> forCase(List<PacketInputSource> sources, CaseDetails details) {
        return collect(
                sources,
                new PacketInputSource.Request(
                        details.engineerId(), details.id(), details.cycle(), audience(details.roles())));
    }
}
