package io.github.yogs0ddhoth.pypi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.yogs0ddhoth.pypi.testing.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class TextExchangeTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> retries = new ArrayList<>();
    private CloseableHttpClient client;
    private TextExchange http;

    @BeforeEach
    void setUp() {
        client = Http.client();
        http = new TextExchange(client,
                new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 1.0, sleeps::add), retries::add);
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
    }

    @Test
    void getIsRetriedOn5xxWithGrowingDelays(WireMockRuntimeInfo wm) throws IOException {
        stubFor(get(urlPathEqualTo("/x")).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("two"));
        stubFor(get(urlPathEqualTo("/x")).inScenario("s").whenScenarioStateIs("two")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("three"));
        stubFor(get(urlPathEqualTo("/x")).inScenario("s").whenScenarioStateIs("three")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        HttpReply reply = http.send(new HttpGet(wm.getHttpBaseUrl() + "/x?secret=1"));

        assertThat(reply.body()).isEqualTo("ok");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(retries).hasSize(2).allSatisfy(m -> assertThat(m).contains("/x").doesNotContain("secret=1"));
    }

    @Test
    void getGivesUpAfterTheBudgetAndReturnsTheLastAnswer(WireMockRuntimeInfo wm) throws IOException {
        stubFor(get("/x").willReturn(aResponse().withStatus(503)));
        assertThat(http.send(new HttpGet(wm.getHttpBaseUrl() + "/x")).status()).isEqualTo(503);
        verify(3, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void transportErrorsAreRetriedThenThrown(WireMockRuntimeInfo wm) {
        stubFor(get("/x").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> http.send(new HttpGet(wm.getHttpBaseUrl() + "/x"))).isInstanceOf(IOException.class);
        verify(3, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void postIsNeverRetriedHere(WireMockRuntimeInfo wm) throws IOException {
        stubFor(post("/x").willReturn(aResponse().withStatus(503)));
        assertThat(http.send(new HttpPost(wm.getHttpBaseUrl() + "/x")).status()).isEqualTo(503);
        verify(1, postRequestedFor(urlEqualTo("/x")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void delaysAreCappedAndJittered() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.0, d -> {});
        assertThat(policy.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(10)).isEqualTo(Duration.ofSeconds(15));
        RetryPolicy high = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.999, d -> {});
        assertThat(high.delayBefore(10)).isLessThan(Duration.ofSeconds(30)).isGreaterThan(Duration.ofSeconds(29));
    }
}
