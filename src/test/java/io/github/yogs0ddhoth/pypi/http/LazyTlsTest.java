package io.github.yogs0ddhoth.pypi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.protocol.BasicHttpContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LazyTlsTest {
    private WireMockServer server;

    @BeforeEach
    void setUp() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort());
        server.start();
        server.stubFor(WireMock.get("/x").willReturn(WireMock.ok("plain")));
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    @Test
    void anHttpOnlyClientNeverSetsUpTls() throws IOException {
        LazyTls tls = new LazyTls();
        try (CloseableHttpClient client = HttpClientFactory.create(HttpSettings.defaults("test"), tls)) {
            String body = client.execute(new HttpGet("http://localhost:" + server.port() + "/x"),
                    r -> new String(r.getEntity().getContent().readAllBytes()));
            assertThat(body).isEqualTo("plain");
        }
        assertThat(tls.isSetUp()).isFalse();
    }

    @Test
    void theFirstHttpsConnectionSetsUpTheJdksTlsWithCertificateChecks() throws IOException {
        LazyTls tls = new LazyTls();
        try (CloseableHttpClient client = HttpClientFactory.create(HttpSettings.defaults("test"), tls)) {
            // WireMock's certificate is self-signed: the default trust store must refuse it.
            assertThatThrownBy(() -> client.execute(new HttpGet("https://localhost:" + server.httpsPort() + "/x"),
                    r -> r.getCode())).isInstanceOf(SSLHandshakeException.class);
        }
        assertThat(tls.isSetUp()).isTrue();
    }

    @Test
    void upgradingASocketUsesTheSameStrategyEveryTime() throws IOException {
        LazyTls tls = new LazyTls();
        for (int i = 0; i < 2; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", server.httpsPort()), 5000);
                assertThatThrownBy(() -> tls.upgrade(socket, "localhost", server.httpsPort(), null,
                        new BasicHttpContext()).startHandshake()).isInstanceOf(SSLHandshakeException.class);
            }
        }
        assertThat(tls.isSetUp()).isTrue();
    }
}
