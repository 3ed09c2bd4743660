package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
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
 * @param ci                  the CI this build runs on, from the process environment and the host facts the mojo
 *                            read; the core never reads {@code System.getenv} or a host file itself
 * @param publisher           the trusted publisher the user declared, checked against the ID token's claims
 * @param failOnStoredToken   whether a long-lived PyPI token within the build's reach fails the build
 * @param serverIds           the ids of settings.xml's servers, where a stored PyPI password could hide
 * @param expectedVersion     the version every file must have (PEP 440 equality), or null for any one version
 * @param parallelUploads     how many files are uploaded at once (1 to 16; 1 uploads them one after the other)
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
        CiContext ci,
        PublisherDeclaration publisher,
        boolean failOnStoredToken,
        List<String> serverIds,
        String expectedVersion,
        int parallelUploads) {
    public static final int DEFAULT_PARALLEL_UPLOADS = 4;

    public PublishRequest {
        packagesDirectories = List.copyOf(packagesDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        publisher = publisher == null ? PublisherDeclaration.none() : publisher;
        serverIds = List.copyOf(serverIds);
    }

    /** With the default {@value #DEFAULT_PARALLEL_UPLOADS} parallel uploads. */
    public PublishRequest(List<Path> packagesDirectories, List<String> includes, List<String> excludes,
            RepositoryUrl repository, boolean dryRun, boolean skipExisting, int retries, String checkUrl,
            Path reportFile, CiContext ci, PublisherDeclaration publisher,
            boolean failOnStoredToken, List<String> serverIds, String expectedVersion) {
        this(packagesDirectories, includes, excludes, repository, dryRun, skipExisting, retries, checkUrl, reportFile,
                ci, publisher, failOnStoredToken, serverIds, expectedVersion, DEFAULT_PARALLEL_UPLOADS);
    }

    /** The common case: one directory, defaults for everything optional. */
    public static PublishRequest of(Path packagesDirectory, RepositoryUrl repository, boolean dryRun,
            Map<String, String> environment) {
        return new PublishRequest(List.of(packagesDirectory), List.of("**/*.whl", "**/*.tar.gz"), List.of(),
                repository, dryRun, false, 3, null, null, CiContext.of(environment, null), PublisherDeclaration.none(), true, List.of(),
                null);
    }
}
