package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.promotion.service.PacketInputSection;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.promotion.service.PacketInputs;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The growth inputs (latest agreed check-in, peer feedback, growth plan) of an engineer on the board, for the entry
 * dialog, read as reviewers read them, after the session's check that the user may see this entry.
 */
@Service
public class EntryInputs {

    private final CalibrationEntryRepository entries;
    private final SessionAccess access;
    private final List<PacketInputSource> sources;

    EntryInputs(CalibrationEntryRepository entries, SessionAccess access, List<PacketInputSource> sources) {
        this.entries = entries;
        this.access = access;
        this.sources = sources;
    }

    /** The sections for one entry of a board the user may see; not found otherwise. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<PacketInputSection> forEntry(Long entryId) {
        var e = entries.findById(entryId).orElseThrow(SessionAccess::entryNotFound);
        var a = access.of(e.getSessionId());
        access.requireVisible(a, e);
        return PacketInputs.collect(
                sources,
                new PacketInputSource.Request(
                        e.getPersonId(), e.getCaseId(), a.session().getCycle(), PacketInputSource.Audience.REVIEWERS));
    }
}
