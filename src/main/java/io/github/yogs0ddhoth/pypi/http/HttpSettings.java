package io.github.yogs0ddhoth.pypi.http;

import java.time.Duration;

/**
 * How the plugin talks HTTP.
 *
 * @param userAgent      sent on every request; PyPI stores it as "uploaded via"
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout    longest silence allowed while waiting for bytes; there is deliberately no total
 *                       timeout, which would cut a large upload short on a slow link
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration readTimeout, ProxyChooser proxies) {
    public HttpSettings(String userAgent, Duration connectTimeout, Duration readTimeout) {
        this(userAgent, connectTimeout, readTimeout, ProxyChooser.NONE);
    }

    public static HttpSettings defaults(String pluginVersion) {
        return new HttpSettings(userAgent(pluginVersion), Duration.ofSeconds(20), Duration.ofSeconds(300));
    }

    public HttpSettings withProxies(ProxyChooser chooser) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, chooser);
    }

    public static String userAgent(String pluginVersion) {
        return "pypi-maven-plugin/" + pluginVersion + " Java/" + Runtime.version().feature() + "."
                + Runtime.version().interim() + "." + Runtime.version().update();
    }
}
