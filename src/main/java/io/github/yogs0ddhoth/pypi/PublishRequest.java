package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.distribution.DistributionFinder;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import io.github.yogs0ddhoth.pypi.upload.CheckUrl;
import io.github.yogs0ddhoth.pypi.upload.ParallelUploads;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one publish run needs, already read from the build's configuration, and valid: a value out of range
 * is refused here, with the range, before any file is read. Build one with {@link #builder}.
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
    public static final int DEFAULT_RETRIES = 3;
    public static final int MAX_RETRIES = 10;
    public static final int DEFAULT_PARALLEL_UPLOADS = 4;

    /** @throws IllegalArgumentException for a value out of its range, saying which and the range */
    public PublishRequest {
        packagesDirectories = List.copyOf(packagesDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ci, "ci");
        requireRetries(retries);
        checkUrl = requireCheckUrl(checkUrl, repository);
        publisher = publisher == null ? PublisherDeclaration.none() : publisher;
        serverIds = List.copyOf(serverIds);
        requireParallelUploads(parallelUploads);
    }

    /**
     * A request to publish to {@code repository} from the CI {@code ci}, with the defaults of the goal's parameters:
     * every wheel and sdist, {@value #DEFAULT_RETRIES} retries, {@value #DEFAULT_PARALLEL_UPLOADS} parallel uploads,
     * a stored token fails the build.
     */
    public static Builder builder(RepositoryUrl repository, CiContext ci) {
        return new Builder(repository, ci);
    }

    /** The simple index root the preflight and the uploads ask, ending in {@code /}; empty when lookups are off. */
    public Optional<String> simpleRoot() {
        return CheckUrl.simpleRoot(checkUrl, repository);
    }

    private static int requireRetries(int retries) {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("pypi.retries must be between 0 and " + MAX_RETRIES + ", was "
                    + retries + ".");
        }
        return retries;
    }

    private static int requireParallelUploads(int parallelUploads) {
        if (parallelUploads < 1 || parallelUploads > ParallelUploads.MAX_PARALLEL) {
            throw new IllegalArgumentException("pypi.parallelUploads must be between 1 and "
                    + ParallelUploads.MAX_PARALLEL + ", was " + parallelUploads + ". Use 1 to upload one file at a"
                    + " time, " + DEFAULT_PARALLEL_UPLOADS + " (the default) to send four at once.");
        }
        return parallelUploads;
    }

    /** The value trimmed, null when blank; refused with the forms accepted when it is no usable URL. */
    private static String requireCheckUrl(String checkUrl, RepositoryUrl repository) {
        String value = checkUrl == null || checkUrl.isBlank() ? null : checkUrl.trim();
        CheckUrl.simpleRoot(value, repository);
        return value;
    }

    /** Collects a request; each setter refuses a value out of range at once, so a caller can check early. */
    public static final class Builder {
        private final RepositoryUrl repository;
        private final CiContext ci;
        private List<Path> packagesDirectories = List.of();
        private List<String> includes = DistributionFinder.DEFAULT_INCLUDES;
        private List<String> excludes = List.of();
        private boolean dryRun;
        private boolean skipExisting;
        private int retries = DEFAULT_RETRIES;
        private String checkUrl;
        private Path reportFile;
        private PublisherDeclaration publisher = PublisherDeclaration.none();
        private boolean failOnStoredToken = true;
        private List<String> serverIds = List.of();
        private String expectedVersion;
        private int parallelUploads = DEFAULT_PARALLEL_UPLOADS;

        private Builder(RepositoryUrl repository, CiContext ci) {
            this.repository = Objects.requireNonNull(repository, "repository");
            this.ci = Objects.requireNonNull(ci, "ci");
        }

        public Builder packagesDirectories(List<Path> directories) {
            this.packagesDirectories = List.copyOf(directories);
            return this;
        }

        public Builder packagesDirectory(Path directory) {
            return packagesDirectories(List.of(directory));
        }

        /** Ant-style patterns; none means every wheel and sdist. */
        public Builder includes(List<String> includes) {
            this.includes = List.copyOf(includes);
            return this;
        }

        public Builder excludes(List<String> excludes) {
            this.excludes = List.copyOf(excludes);
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder skipExisting(boolean skipExisting) {
            this.skipExisting = skipExisting;
            return this;
        }

        /** @throws IllegalArgumentException outside 0 to {@value PublishRequest#MAX_RETRIES} */
        public Builder retries(int retries) {
            this.retries = requireRetries(retries);
            return this;
        }

        /** @throws IllegalArgumentException for a value that is no index origin, simple root or {@code none} */
        public Builder checkUrl(String checkUrl) {
            this.checkUrl = requireCheckUrl(checkUrl, repository);
            return this;
        }

        public Builder reportFile(Path reportFile) {
            this.reportFile = reportFile;
            return this;
        }

        public Builder publisher(PublisherDeclaration publisher) {
            this.publisher = publisher;
            return this;
        }

        public Builder failOnStoredToken(boolean failOnStoredToken) {
            this.failOnStoredToken = failOnStoredToken;
            return this;
        }

        public Builder serverIds(List<String> serverIds) {
            this.serverIds = List.copyOf(serverIds);
            return this;
        }

        public Builder expectedVersion(String expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @throws IllegalArgumentException outside 1 to {@value ParallelUploads#MAX_PARALLEL} */
        public Builder parallelUploads(int parallelUploads) {
            this.parallelUploads = requireParallelUploads(parallelUploads);
            return this;
        }

        public PublishRequest build() {
            return new PublishRequest(packagesDirectories, includes, excludes, repository, dryRun, skipExisting,
                    retries, checkUrl, reportFile, ci, publisher, failOnStoredToken, serverIds, expectedVersion,
                    parallelUploads);
        }
    }
}
