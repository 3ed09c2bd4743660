package io.github.yogs0ddhoth.pypi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/legacy/", "http://127.0.0.1/legacy/", "http://127.5.6.7:1/x",
        "http://[::1]:9000/legacy/", "https://upload.pypi.org/legacy/", "https://example.com/legacy/"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertThat(Endpoints.requireSecure(URI.create(url), "repositoryUrl")).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://upload.pypi.org/legacy/", "http://10.0.0.1/legacy/",
        "http://localhost.evil.com/legacy/", "http://127.0.0.1.nip.io/legacy/"})
    void refusesPlainHttpToOtherHosts(String url) {
        assertThatThrownBy(() -> Endpoints.requireSecure(URI.create(url), "repositoryUrl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http://")
                .hasMessageContaining(url)
                .hasMessageContaining("Use https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/legacy/", "file:///tmp/x"})
    void refusesOtherSchemes(String url) {
        assertThatThrownBy(() -> Endpoints.requireSecure(URI.create(url), "repositoryUrl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repositoryUrl");
    }

    @org.junit.jupiter.api.Test
    void originHasNoPathOrTrailingSlash() {
        assertThat(Endpoints.origin(URI.create("HTTPS://upload.pypi.org:443/legacy/")))
                .isEqualTo("https://upload.pypi.org:443");
    }

    @org.junit.jupiter.api.Test
    void credentialsInAUrlAreNeverShown() {
        URI withCredentials = URI.create("http://runner:s3cr3t@runner.example.com/idtoken?api-version=2.0");
        assertThat(Endpoints.shown(withCredentials)).isEqualTo("http://***@runner.example.com/idtoken?api-version=2.0");
        assertThat(Endpoints.shownOrigin(withCredentials)).isEqualTo("http://runner.example.com");
        assertThatThrownBy(() -> Endpoints.requireSecure(withCredentials, "ACTIONS_ID_TOKEN_REQUEST_URL"))
                .hasMessageNotContaining("s3cr3t").hasMessageContaining("https://runner.example.com/idtoken");
    }
}
