package app.rungs.ladder.service;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A {@link Pageable} for an offset and limit that need not be page-aligned, as lazy grids ask for them. */
final class OffsetPage extends PageRequest {

    private final long offset;

    OffsetPage(long offset, int limit) {
        super((int) (offset / Math.max(1, limit)), Math.max(1, limit), Sort.unsorted());
        this.offset = offset;
    }

    @Override
    public long getOffset() {
        return offset;
    }
}
