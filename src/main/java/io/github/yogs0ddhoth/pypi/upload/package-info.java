/**
 * Sending a release to an index: the upload form of PyPI's legacy API ({@link io.github.yogs0ddhoth.pypi.upload.UploadForm},
 * {@link io.github.yogs0ddhoth.pypi.upload.MultipartFormEntity}), the preflight and reconciliation lookups against the
 * simple index ({@link io.github.yogs0ddhoth.pypi.upload.IndexLookup}, {@link io.github.yogs0ddhoth.pypi.upload.Preflight}),
 * the upload of each file with its retries ({@link io.github.yogs0ddhoth.pypi.upload.FileUploader}) and the advice for the
 * index's refusals.
 *
 * <p>It takes an already minted upload token and already checked distributions: it must not know how a token is
 * obtained ({@code identity}), what makes a release valid ({@code check} beyond version comparison) or Maven.
 */
package io.github.yogs0ddhoth.pypi.upload;
