/**
 * HTTP for every exchange with an index, a CI's token endpoint or Sigstore: one client factory (proxies, timeouts,
 * user agent), {@link io.github.yogs0ddhoth.pypi.http.TextExchange} for small JSON/text exchanges with a deadline per
 * attempt, {@link io.github.yogs0ddhoth.pypi.http.RetryPolicy} for retries and Retry-After, and
 * {@link io.github.yogs0ddhoth.pypi.http.Endpoints} for the URLs derived from an upload URL.
 *
 * <p>It depends on no other package of the plugin and knows nothing of Maven, PyPI's rules, tokens or reporting:
 * callers pass in the settings and turn its answers and exceptions into their own messages.
 */
package io.github.yogs0ddhoth.pypi.http;
