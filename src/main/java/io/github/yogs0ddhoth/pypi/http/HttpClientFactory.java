package io.github.yogs0ddhoth.pypi.http;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/** Builds the one HTTP client a publish run uses. */
public final class HttpClientFactory {
    /**
     * Connections kept per host: room for the most parallel uploads (16) plus the index lookups that settle them,
     * so an upload never waits for a connection (the pool's default is 5).
     */
    static final int MAX_CONNECTIONS_PER_ROUTE = 20;

    private HttpClientFactory() {}

    public static CloseableHttpClient create(HttpSettings settings) {
        return create(settings, new LazyTls());
    }

    static CloseableHttpClient create(HttpSettings settings, LazyTls tls) {
        Timeout connect = Timeout.of(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Timeout read = Timeout.of(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ChosenProxyRoutePlanner routes = new ChosenProxyRoutePlanner(settings.proxies());
        return HttpClients.custom()
                .setRoutePlanner(routes)
                .setDefaultCredentialsProvider(routes)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                        .setMaxConnTotal(2 * MAX_CONNECTIONS_PER_ROUTE)
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .build())
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setSoTimeout(read)
                                // Large buffers keep a 1 GiB upload from being paced by syscalls.
                                .setSndBufSize(1 << 20)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(read)
                        // A redirected POST would either drop the body or resend it somewhere unvetted.
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .build();
    }
}
