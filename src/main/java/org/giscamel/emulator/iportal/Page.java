package org.giscamel.emulator.iportal;

import java.util.List;

/** One page of a result, as iPortal pages: {@code currentPage} is 1-based, an empty result has 0 pages. */
record Page<T>(List<T> content, int currentPage, int pageSize, int total, int totalPage) {

    /** Pages through {@code all}; a page past the end is empty. */
    static <T> Page<T> of(List<T> all, int currentPage, int pageSize) {
        int total = all.size();
        int totalPage = (int) ((total + (long) pageSize - 1) / pageSize);
        long from = (long) (currentPage - 1) * pageSize;
        List<T> content = from >= total ? List.of() : all.subList((int) from, (int) Math.min(total, from + pageSize));
        return new Page<>(List.copyOf(content), currentPage, pageSize, total, totalPage);
    }
}
