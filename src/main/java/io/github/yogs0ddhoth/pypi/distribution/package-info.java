/**
 * Finding and reading Python distributions: wheel file names, core metadata, and the discovery of wheels and sdists
 * under a directory.
 *
 * <p>Each archive is opened once: {@code WheelReader} walks a wheel's ZIP records as PyPI does and reads METADATA,
 * RECORD and entry_points.txt through the same channel; {@code SdistReader} streams an sdist's tar once for PKG-INFO
 * and the member listing. What the release check needs travels with the
 * {@link io.github.yogs0ddhoth.pypi.distribution.Distribution} as its
 * {@link io.github.yogs0ddhoth.pypi.distribution.ArchiveListing}, so the check never opens a file.
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
