package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one publish run needs, already read from the build's configuration.
 *
 * @param packagesDirectories searched recursively; several when a multi-module build publishes at the end
 * @param checkUrl            the simple index to reconcile against, or null for the one serving the repository
 * @param reportFile          where report.json goes, or null for none
 * @param environment         the process environment; the core never reads {@code System.getenv} itself
 */
public record PublishRequest(
        List<Path> packagesDirectories,
        List<String> includes,
        List<String> excludes,
        RepositoryUrl repository,
        boolean dryRun,
        boolean skipExisting,
        int retries,
        String checkUrl,
        Path reportFile,
        Map<String, String> environment) {

    public PublishRequest {
        packagesDirectories = List.copyOf(packagesDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        environment = Map.copyOf(environment);
    }

    /** The common case: one directory, defaults for everything optional. */
    public static PublishRequest of(Path packagesDirectory, RepositoryUrl repository, boolean dryRun,
            Map<String, String> environment) {
        return new PublishRequest(List.of(packagesDirectory), List.of("**/*.whl", "**/*.tar.gz"), List.of(),
                repository, dryRun, false, 3, null, null, environment);
    }
}
