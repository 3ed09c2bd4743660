/**
 * Publishing policy as code: reads the repository's CI definitions (GitHub workflows, {@code .gitlab-ci.yml}) and
 * checks them against the declared trusted publishers, so a broken publishing setup fails {@code mvn verify} on the
 * pull request that breaks it. Maven-free; entry point {@link io.github.yogs0ddhoth.pypi.policy.PublishingPolicy}.
 */
package io.github.yogs0ddhoth.pypi.policy;
