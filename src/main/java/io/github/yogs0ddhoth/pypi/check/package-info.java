/**
 * Release validation: every rule PyPI applies to an upload, checked locally before anything is uploaded.
 *
 * <p>{@link io.github.yogs0ddhoth.pypi.check.ReleaseValidator} takes what discovery found and returns a
 * {@link io.github.yogs0ddhoth.pypi.check.ValidationReport} with every
 * {@link io.github.yogs0ddhoth.pypi.check.Finding}: an error where PyPI would refuse the file or the release, a warning
 * where it accepts something users regret. {@link io.github.yogs0ddhoth.pypi.check.Rule} lists the rules. The package
 * knows nothing about Maven, does not log, needs no network and reads no file: the archive checks ({@code WheelChecks},
 * {@code SdistChecks}, one {@code ArchiveChecks} interface) work on the listing the distribution reader made.
 *
 * <p>The rules follow PyPI's upload endpoint (Warehouse's {@code forklift/legacy.py}, {@code forklift/metadata.py} and
 * {@code utils/zipfiles.py}) and the {@code packaging} release PyPI pins; messages quote PyPI's own error text so a
 * user can match them with what an upload would have said.
 *
 * <h2>Reference data, and how to refresh it</h2>
 * Four files beside these classes hold the lists PyPI validates against:
 * <ul>
 *   <li>{@code trove-classifiers.txt} and {@code trove-classifiers-deprecated.txt}, from the {@code trove-classifiers}
 *       package (the one PyPI uses). To refresh, download its newest wheel ({@code pip download trove-classifiers
 *       --no-deps}) and run the one-liners in the files' headers against it.
 *   <li>{@code spdx-licenses.txt} and {@code spdx-exceptions.txt}, from {@code packaging/licenses/_spdx.py} of the
 *       {@code packaging} release PyPI pins (its {@code requirements/main.txt}); the one-liners are in the headers.
 * </ul>
 * Keep each file's header comment, and update the version it names.
 */
package io.github.yogs0ddhoth.pypi.check;
