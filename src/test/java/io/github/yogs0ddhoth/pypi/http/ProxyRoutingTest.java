package io.github.yogs0ddhoth.pypi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyRoutingTest {
    private final WireMockServer index = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .enableBrowserProxying(true));

    @BeforeEach
    void setUp() {
        index.start();
        proxy.start();
        index.stubFor(get("/_/oidc/audience").willReturn(aResponse().withStatus(200).withBody("{\"audience\":\"pypi\"}")));
    }

    @AfterEach
    void tearDown() {
        index.stop();
        proxy.stop();
    }

    private HttpReply fetch(ProxyChooser chooser) throws Exception {
        HttpSettings settings = new HttpSettings("ua", Duration.ofSeconds(2), Duration.ofSeconds(2), chooser);
        try (CloseableHttpClient client = HttpClientFactory.create(settings)) {
            return new TextExchange(client).send(new HttpGet(index.baseUrl() + "/_/oidc/audience"));
        }
    }

    @Test
    void requestsGoThroughTheChosenProxy() throws Exception {
        HttpReply reply = fetch(target -> Optional.of(new ProxyConfig("127.0.0.1", proxy.port(), null, null)));

        assertThat(reply.body()).isEqualTo("{\"audience\":\"pypi\"}");
        assertThat(proxy.findAll(getRequestedFor(anyUrl()))).singleElement()
                .satisfies(r -> assertThat(r.getAbsoluteUrl()).isEqualTo(index.baseUrl() + "/_/oidc/audience"));
        assertThat(index.findAll(getRequestedFor(urlEqualTo("/_/oidc/audience")))).hasSize(1);
    }

    @Test
    void proxyCredentialsAnswerTheProxysChallenge() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret-proxy".getBytes());
        proxy.stubFor(any(anyUrl()).atPriority(1).withHeader("Proxy-Authorization", absent())
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
        proxy.stubFor(any(anyUrl()).atPriority(2).withHeader("Proxy-Authorization", equalTo(expected))
                .willReturn(aResponse().proxiedFrom(index.baseUrl())));

        HttpReply reply = fetch(target -> Optional.of(new ProxyConfig("127.0.0.1", proxy.port(), "alice", "s3cret-proxy")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(proxy.findAll(getRequestedFor(anyUrl()).withHeader("Proxy-Authorization", equalTo(expected))))
                .hasSize(1);
    }

    @Test
    void withoutAProxyRequestsGoStraightToTheIndex() throws Exception {
        fetch(ProxyChooser.NONE);
        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(index.findAll(getRequestedFor(urlEqualTo("/_/oidc/audience")))).hasSize(1);
    }

    @Test
    void proxyConfigNeverShowsThePassword() {
        assertThat(new ProxyConfig("p", 1, "u", "hunter22").toString()).doesNotContain("hunter22");
    }
}
