package io.github.yogs0ddhoth.pypi.testing;

import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** HTTP settings for tests: a recognisable User-Agent and short timeouts so failure tests stay fast. */
public final class Http {
    private Http() {}

    public static HttpSettings settings() {
        return new HttpSettings("pypi-maven-plugin/test Java/17", Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    public static CloseableHttpClient client() {
        return HttpClientFactory.create(settings());
    }
}
