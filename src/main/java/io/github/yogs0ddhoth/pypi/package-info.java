/**
 * The release flow: {@link io.github.yogs0ddhoth.pypi.Publisher} runs one release from a
 * {@link io.github.yogs0ddhoth.pypi.PublishRequest} (find, read and validate the files, preflight, identity and token
 * exchange, attestations, upload, report), and {@link io.github.yogs0ddhoth.pypi.ReleaseInspection} finds and validates
 * a release for both goals.
 *
 * <p>It composes the concern packages and holds no rule of its own; it knows nothing of Maven (the mojos in
 * {@code maven} call it) and reads no environment or host file itself: everything arrives in the request.
 */
package io.github.yogs0ddhoth.pypi;
