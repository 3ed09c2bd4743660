package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one publish run needs, already read from the build's configuration.
 *
 * @param environment the process environment; the core never reads {@code System.getenv} itself
 */
public record PublishRequest(
        Path packagesDirectory,
        List<String> includes,
        List<String> excludes,
        RepositoryUrl repository,
        boolean dryRun,
        Map<String, String> environment) {

    public PublishRequest {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        environment = Map.copyOf(environment);
    }
}
