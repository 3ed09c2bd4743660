package io.github.yogs0ddhoth.pypi.check;

import java.util.List;
import java.util.Set;

/**
 * What a walk over a ZIP archive's records found: the entry names of the central directory (as Python's zipfile
 * decodes them, which is how PyPI looks entries up) and each framing problem PyPI would refuse.
 *
 * @param names every entry name in the central directory
 * @param problems one per kind of problem, in the order found
 */
record ZipListing(Set<String> names, List<Problem> problems) {

    /**
     * One kind of framing problem.
     *
     * @param rule the rule it breaks
     * @param reason PyPI's own words for it, e.g. {@code ZIP contains a data descriptor}
     * @param detail what exactly was seen: how many entries, which ones, which values
     */
    record Problem(Rule rule, String reason, String detail) {}

    ZipListing {
        names = Set.copyOf(names);
        problems = List.copyOf(problems);
    }
}
