package app.rungs.shared.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a REST API list: zero-based page number, page size and the total over all pages. */
@Schema(description = "One page of a list")
public record ApiPage<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> ApiPage<T> of(List<T> items, ApiPaging paging, long total) {
        return new ApiPage<>(items, paging.page(), paging.size(), total, (total + paging.size() - 1) / paging.size());
    }
}
