/**
 * The Maven layer: the {@code check} and {@code pypi-publish} mojos, their parameters and the configuration checks
 * ({@link io.github.yogs0ddhoth.pypi.maven.KnownConfiguration}), settings.xml proxies, the Maven log adapter. It is the
 * only place that reads the process environment, system properties or host files, and passes them to the core as
 * values.
 *
 * <p>No other package may depend on this one, and no Maven type may leave it: mojos stay thin, turning parameters
 * into a request and the core's exceptions into Maven's.
 */
package io.github.yogs0ddhoth.pypi.maven;
