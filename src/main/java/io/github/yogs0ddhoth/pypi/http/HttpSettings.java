package io.github.yogs0ddhoth.pypi.http;

import java.time.Duration;

/**
 * How the plugin talks HTTP.
 *
 * @param userAgent       sent on every request; PyPI stores it as "uploaded via"
 * @param connectTimeout  time allowed to open a connection
 * @param readTimeout     longest silence allowed while waiting for bytes
 * @param exchangeTimeout the whole of one attempt at a small exchange (audience, ID token, mint, index lookup):
 *                        connect, answer and body; also the time an upload's answer may take once its body is sent
 *                        (see {@link Deadline#forUpload})
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration exchangeTimeout,
        ProxyChooser proxies) {
    public static final Duration DEFAULT_EXCHANGE_TIMEOUT = Duration.ofSeconds(30);

    public HttpSettings {
        if (exchangeTimeout.isNegative() || exchangeTimeout.isZero()) {
            throw new IllegalArgumentException("exchangeTimeout must be positive, was " + exchangeTimeout);
        }
    }

    public HttpSettings(String userAgent, Duration connectTimeout, Duration readTimeout, ProxyChooser proxies) {
        this(userAgent, connectTimeout, readTimeout, DEFAULT_EXCHANGE_TIMEOUT, proxies);
    }

    public HttpSettings(String userAgent, Duration connectTimeout, Duration readTimeout) {
        this(userAgent, connectTimeout, readTimeout, DEFAULT_EXCHANGE_TIMEOUT, ProxyChooser.NONE);
    }

    public static HttpSettings defaults(String pluginVersion) {
        return new HttpSettings(userAgent(pluginVersion), Duration.ofSeconds(20), Duration.ofSeconds(300));
    }

    public HttpSettings withProxies(ProxyChooser chooser) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, exchangeTimeout, chooser);
    }

    public HttpSettings withExchangeTimeout(Duration timeout) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, timeout, proxies);
    }

    public static String userAgent(String pluginVersion) {
        return "pypi-maven-plugin/" + pluginVersion + " Java/" + Runtime.version().feature() + "."
                + Runtime.version().interim() + "." + Runtime.version().update();
    }
}
