/**
 * JSON for the publish path: {@link io.github.yogs0ddhoth.pypi.json.JsonValue}, an immutable tree,
 * {@link io.github.yogs0ddhoth.pypi.json.Json}, which parses and writes, and the plugin's own strict parser and
 * writer beneath them.
 *
 * <p>Why not a library: in the cold JVM of a build, databind's {@code ObjectMapper} loads some 400 classes (about
 * 0.3 s, measured with {@code -Xlog:class+load}) and Jackson's streaming core alone 83 (60–90 ms in a fresh JVM),
 * to read the two or three small answers of a release (the ID token, the mint, the index's file list) and to write
 * report.json; a small release paid that on every {@code mvn deploy}. Databind stays where its data binding earns
 * its cost: the Sigstore path of attestations. It depends on no other package of the plugin.
 */
package io.github.yogs0ddhoth.pypi.json;
