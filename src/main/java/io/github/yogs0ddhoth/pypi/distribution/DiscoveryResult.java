package io.github.yogs0ddhoth.pypi.distribution;

import java.util.List;

/**
 * What {@link DistributionFinder} found.
 *
 * @param distributions wheels first (by file name), then sdists (by file name): the order twine and uv upload in, so
 *     an index never shows a release with only its sdist
 * @param ignored matched files that are not uploaded, in path order
 * @param problems matched files that should have been distributions but could not be read, in path order; a release
 *     with any of them must not be published
 */
public record DiscoveryResult(List<Distribution> distributions, List<IgnoredFile> ignored, List<FileProblem> problems) {
    public DiscoveryResult {
        distributions = List.copyOf(distributions);
        ignored = List.copyOf(ignored);
        problems = List.copyOf(problems);
    }

    /** A result without problems. */
    public DiscoveryResult(List<Distribution> distributions, List<IgnoredFile> ignored) {
        this(distributions, ignored, List.of());
    }

    /** Whether some matched file could not be read. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
