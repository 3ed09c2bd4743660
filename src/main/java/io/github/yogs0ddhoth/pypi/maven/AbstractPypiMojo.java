package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.distribution.DistributionFinder;
import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that say which files make up the release, shared by {@code check} and {@code pypi-publish}. */
abstract class AbstractPypiMojo extends AbstractMojo {
    /** The directory searched, recursively, for wheels and sdists. */
    @Parameter(property = "pypi.packagesDirectory", defaultValue = "${project.build.directory}", required = true)
    File packagesDirectory;

    /**
     * Patterns, relative to {@code packagesDirectory}, of the files to publish. A {@code .tar.gz} is published
     * only if it is an sdist (a single top-level directory holding {@code PKG-INFO}); other tarballs, such as a
     * Maven assembly, are ignored.
     */
    @Parameter(property = "pypi.includes", defaultValue = DistributionFinder.DEFAULT_INCLUDES_VALUE)
    List<String> includes;

    /** Patterns, relative to {@code packagesDirectory}, of files never to publish. They win over includes. */
    @Parameter(property = "pypi.excludes")
    List<String> excludes;

    /**
     * The version every file must carry (compared by PEP 440 equality), so stale files of an earlier version left
     * in the build directory are caught. Python has no snapshots: a {@code -SNAPSHOT} value is an error.
     */
    @Parameter(property = "pypi.expectedVersion")
    String expectedVersion;

    /**
     * The index's upload URL, or an alias: {@code pypi} (https://upload.pypi.org/legacy/) or {@code testpypi}
     * (https://test.pypi.org/legacy/). The OIDC endpoints are taken from the same origin. Plain {@code http://}
     * is accepted only for loopback hosts.
     */
    @Parameter(property = "pypi.repositoryUrl", defaultValue = "https://upload.pypi.org/legacy/", required = true)
    String repositoryUrl;

    /**
     * The trusted publisher registered on PyPI, as {@code owner/repository} (GitHub) or {@code namespace/project}
     * (GitLab). The ID token's claims are checked against it before the exchange, and a mismatch fails with a
     * table of what differs.
     */
    @Parameter(property = "pypi.publisher.repository")
    String publisherRepository;

    /** The publisher's workflow file: {@code publish.yml} (GitHub) or the CI config path (GitLab). */
    @Parameter(property = "pypi.publisher.workflow")
    String publisherWorkflow;

    /** The publisher's environment, e.g. {@code pypi}; checked only when declared. */
    @Parameter(property = "pypi.publisher.environment")
    String publisherEnvironment;

    /** The Google Cloud service account email of the publisher. */
    @Parameter(property = "pypi.publisher.email")
    String publisherEmail;

    /**
     * The trusted publisher registered on PyPI, the form the README shows first:
     * {@code <publisher><repository>owner/repo</repository><workflow>publish.yml</workflow>
     * <environment>pypi</environment></publisher>} (GitHub, GitLab) or {@code <publisher><email>…</email></publisher>}
     * (Google Cloud). Each field it sets wins over the matching {@code pypi.publisher.*} property. An element Maven
     * does not know inside it fails the build.
     */
    @Parameter
    PublisherParameters publisher;

    /** The declaration as both goals read it: the nested element over the flat properties, field by field. */
    PublisherDeclaration declaredPublisher() throws MojoFailureException {
        PublisherDeclaration flat = new PublisherDeclaration(publisherRepository, publisherWorkflow,
                publisherEnvironment, publisherEmail);
        PublisherDeclaration merged = publisher == null ? flat
                : flat.overriddenBy(new PublisherDeclaration(publisher.repository, publisher.workflow,
                        publisher.environment, publisher.email));
        try {
            return merged.requireMatchable();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    List<String> includes() {
        return includes == null || includes.isEmpty() ? DistributionFinder.DEFAULT_INCLUDES : includes;
    }

    List<String> excludes() {
        return excludes == null ? List.of() : excludes;
    }

    String expectedVersion() {
        return expectedVersion == null || expectedVersion.isBlank() ? null : expectedVersion.trim();
    }
}
