/**
 * JSON for the publish path: {@link io.github.yogs0ddhoth.pypi.json.JsonValue}, an immutable tree read with
 * Jackson's streaming parser, and {@link io.github.yogs0ddhoth.pypi.json.Json}, which parses and writes.
 *
 * <p>Why not databind's {@code ObjectMapper}: in the cold JVM of a build it loads some 400 classes (about 0.3 s,
 * measured with {@code -Xlog:class+load}) to answer questions a streaming parser answers with a tenth of them; a
 * small release paid that on every {@code mvn deploy}. Databind stays where its data binding earns its cost: the
 * Sigstore path of attestations. It depends on no other package of the plugin.
 */
package io.github.yogs0ddhoth.pypi.json;
