package io.github.yogs0ddhoth.pypi.dist;

import java.util.List;

/**
 * What {@link DistributionFinder} found.
 *
 * @param distributions wheels first (by file name), then sdists (by file name): the order twine and uv upload in, so
 *     an index never shows a release with only its sdist
 * @param ignored matched files that are not uploaded, in path order
 */
public record DiscoveryResult(List<Distribution> distributions, List<IgnoredFile> ignored) {
    public DiscoveryResult {
        distributions = List.copyOf(distributions);
        ignored = List.copyOf(ignored);
    }
}
