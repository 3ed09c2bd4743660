package io.github.yogs0ddhoth.pypi.maven;

/**
 * The nested {@code <publisher>} element of the plugin's configuration. Maven fills it by field name and fails the
 * build on an element it has no field for, which is what makes a typo here impossible to miss.
 */
public class PublisherParameters {
    /** {@code owner/repository} (GitHub) or {@code namespace/project} (GitLab). */
    String repository;

    /** The workflow file ({@code publish.yml}, GitHub) or the CI config path ({@code .gitlab-ci.yml}, GitLab). */
    String workflow;

    /** The CI environment the publisher is bound to, e.g. {@code pypi}. */
    String environment;

    /** The Google Cloud service account email. */
    String email;

    public PublisherParameters() {}
}
