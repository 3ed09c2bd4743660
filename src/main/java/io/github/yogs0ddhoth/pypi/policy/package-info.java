/**
 * Publishing policy as code: reads the repository's CI definitions (GitHub workflows, {@code .gitlab-ci.yml}) and
 * checks them against the declared trusted publishers, so a broken publishing setup fails {@code mvn verify} on the
 * pull request that breaks it. Maven-free; entry point {@link io.github.yogs0ddhoth.pypi.policy.PublishingPolicy}.
 *
 * <p>It reads files and returns a report: it must not know the release's files or their checks ({@code check}), the
 * network, or Maven. From {@code identity} it takes only what a publisher and a stored credential are.
 */
package io.github.yogs0ddhoth.pypi.policy;
