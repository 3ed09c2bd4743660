package io.github.yogs0ddhoth.pypi.distribution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one pass over a wheel's ZIP records found: the entry names of the central directory (as Python's zipfile
 * decodes them, which is how PyPI looks entries up), each framing problem PyPI would refuse, and the bytes of the
 * small entries the checks read ({@code RECORD}, {@code entry_points.txt}).
 *
 * @param names every entry name in the central directory
 * @param problems one per kind of problem, in the order found
 * @param entries the bytes of each entry that was asked for and exists as a file, by name
 */
public record ZipListing(Set<String> names, List<Problem> problems, Map<String, byte[]> entries)
        implements ArchiveListing {

    /** The kinds of framing problem PyPI refuses, each with its own rule in the release check. */
    public enum Flaw {
        MALFORMED,
        DUPLICATE_NAME,
        ENTRY_COMMENT,
        COMPRESSION_METHOD,
        COMPRESSION_RATIO,
        DATA_DESCRIPTOR,
        TRAILING_DATA
    }

    /**
     * One kind of framing problem.
     *
     * @param flaw what is wrong
     * @param reason PyPI's own words for it, e.g. {@code ZIP contains a data descriptor}
     * @param detail what exactly was seen: how many entries, which ones, which values
     */
    public record Problem(Flaw flaw, String reason, String detail) {}

    public ZipListing {
        names = Set.copyOf(names);
        problems = List.copyOf(problems);
        entries = Map.copyOf(entries);
    }

    /** The bytes of an entry read with the listing; empty when the archive has no such file. */
    public Optional<byte[]> entry(String name) {
        return Optional.ofNullable(entries.get(name)).map(byte[]::clone);
    }
}
