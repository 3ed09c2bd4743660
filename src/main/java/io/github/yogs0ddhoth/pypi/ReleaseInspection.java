package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.check.ReleaseValidator;
import io.github.yogs0ddhoth.pypi.check.ValidationReport;
import io.github.yogs0ddhoth.pypi.distribution.DiscoveryResult;
import io.github.yogs0ddhoth.pypi.distribution.DisplayName;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.DistributionException;
import io.github.yogs0ddhoth.pypi.distribution.DistributionFinder;
import io.github.yogs0ddhoth.pypi.distribution.FileProblem;
import io.github.yogs0ddhoth.pypi.distribution.IgnoredFile;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the release's files and validates them the way the index will, with no network: the step both the
 * {@code check} goal and {@code pypi-publish} run, so that a bad file stops a release before anything leaves.
 */
public final class ReleaseInspection {
    /** What was found, and every problem with it. */
    public record Result(DiscoveryResult discovered, ValidationReport validation) {}

    private final PublishLog log;

    public ReleaseInspection(PublishLog log) {
        this.log = log;
    }

    public Result inspect(List<Path> directories, List<String> includes, List<String> excludes,
            Optional<String> expectedVersion) throws DistributionException {
        List<Distribution> distributions = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        DistributionException nothingFound = null;
        for (Path dir : directories) {
            log.info("Looking for wheels and sdists in " + dir + " (includes " + includes + ", excludes " + excludes
                    + ")");
            try {
                DiscoveryResult found = new DistributionFinder().discover(dir, includes, excludes);
                distributions.addAll(found.distributions());
                ignored.addAll(found.ignored());
                problems.addAll(found.problems());
            } catch (DistributionException e) {
                // With several module directories (publishAtEnd), one of them may rightly hold nothing.
                if (directories.size() == 1) {
                    throw e;
                }
                log.debug(e.getMessage());
                nothingFound = nothingFound == null ? e : nothingFound;
            }
        }
        if (distributions.isEmpty() && problems.isEmpty() && nothingFound != null) {
            throw nothingFound;
        }
        for (IgnoredFile file : ignored) {
            log.debug("Ignoring " + DisplayName.of(file.path()) + ": " + file.reason());
        }
        DiscoveryResult all = new DiscoveryResult(distributions, ignored, problems);
        return new Result(all, new ReleaseValidator().validate(all, expectedVersion));
    }
}
