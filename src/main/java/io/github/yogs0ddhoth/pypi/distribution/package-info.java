/**
 * Finding and reading Python distributions: wheel file names, core metadata, and the discovery of wheels and sdists
 * under a directory.
 *
 * <p>This package knows nothing about Maven and does not log. Every component returns data or throws a
 * {@link io.github.yogs0ddhoth.pypi.distribution.DistributionException} whose message is meant to be read by a person: what is
 * wrong, in which file, the value seen, the value expected, and how to fix it. The caller decides how to report it.
 * {@link io.github.yogs0ddhoth.pypi.distribution.DistributionFinder#discover} collects a
 * {@link io.github.yogs0ddhoth.pypi.distribution.FileProblem} per broken file instead of throwing, so that every broken file
 * of a release is reported at once; whether a readable distribution is one PyPI accepts is decided by the
 * {@code check} package.
 */
package io.github.yogs0ddhoth.pypi.distribution;
