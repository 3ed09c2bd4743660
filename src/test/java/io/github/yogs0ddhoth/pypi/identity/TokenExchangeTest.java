package io.github.yogs0ddhoth.pypi.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@WireMockTest
class TokenExchangeTest {
    private static final String MINTED = "pypi-AgEIcHlwaS5vcmcCJDEyMzQ1Njc4LTEyMzQ";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final SecretMasker masker =
            new SecretMasker(new WorkflowCommands(new PrintStream(stdout, true, StandardCharsets.UTF_8)));
    private CloseableHttpClient client;
    private TokenExchange exchange;
    private IdToken idToken;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) throws Exception {
        client = Http.client();
        exchange = new TokenExchange(wm.getHttpBaseUrl(), new TextExchange(client), masker);
        idToken = IdToken.parse(Jwts.gitHubJwt("jti-42"), "test");
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
    }

    @Test
    void readsTheAudience() throws Exception {
        stubFor(get("/_/oidc/audience").willReturn(okJson("{\"audience\":\"testpypi\"}")));
        assertThat(exchange.audience()).isEqualTo("testpypi");
    }

    @Test
    void audience403MeansTrustedPublishingIsDisabled() {
        stubFor(get("/_/oidc/audience").willReturn(aResponse().withStatus(403)
                .withBody("{\"message\": \"Trusted publishing functionality not enabled\"}")));
        assertThatThrownBy(() -> exchange.audience()).hasMessageContaining("has trusted publishing disabled");
    }

    @Test
    void audience404MeansNoSupport() {
        stubFor(get("/_/oidc/audience").willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> exchange.audience())
                .hasMessageContaining("does not support trusted publishing")
                .hasMessageContaining("Check repositoryUrl");
    }

    @Test
    void audience5xxIsExplained() {
        stubFor(get("/_/oidc/audience").willReturn(aResponse().withStatus(503).withStatusMessage("Service Unavailable")));
        assertThatThrownBy(() -> exchange.audience()).hasMessageContaining("answered 503 Service Unavailable");
    }

    @Test
    void audienceThatIsNotJsonIsExplained() {
        stubFor(get("/_/oidc/audience").willReturn(aResponse().withStatus(200).withBody("<html>hello</html>")));
        assertThatThrownBy(() -> exchange.audience()).hasMessageContaining("without a JSON string field 'audience'");
    }

    @Test
    void mintsAndMasksTheTokenBeforeReturningIt() throws Exception {
        stubFor(post("/_/oidc/mint-token").willReturn(
                okJson("{\"success\":true,\"token\":\"" + MINTED + "\",\"expires\":1767225600}")));

        UploadToken token = exchange.mint(idToken);

        assertThat(token.value()).isEqualTo(MINTED);
        assertThat(token.expires()).isEqualTo(Instant.ofEpochSecond(1767225600));
        assertThat(token.toString()).doesNotContain(MINTED);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("::add-mask::" + MINTED);
        verify(postRequestedFor(urlEqualTo("/_/oidc/mint-token"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("{\"token\":\"" + idToken.value() + "\"}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "invalid-payload|unknown trusted publishing issuer|issuer is not one PyPI trusts",
        "not-enabled|github trusted publishing functionality not enabled|turned trusted publishing off",
        "invalid-token|malformed or invalid token|fresh token",
        "invalid-pending-publisher|valid token, but project already exists|Register the trusted publisher on the existing project",
        "invalid-reuse-token|invalid token: already used|only once",
        "invalid-publisher|valid token, but no corresponding publisher (Publisher with matching claims was not found)|no trusted publisher registered on PyPI matches"})
    void each422CodeIsMappedToItsCauseAndTheClaimsAreShown(String code, String description, String cause) {
        stubFor(post("/_/oidc/mint-token").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Token request failed\",\"errors\":[{\"code\":\"" + code
                        + "\",\"description\":\"" + description + "\"}]}")));
        assertThatThrownBy(() -> exchange.mint(idToken))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("* " + code + ": " + description)
                .hasMessageContaining(cause)
                .hasMessageContaining("job_workflow_ref: octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0")
                .hasMessageContaining("environment: pypi")
                .hasMessageNotContaining(idToken.value());
    }

    @Test
    void nonJsonErrorShowsStatusAndHint() {
        stubFor(post("/_/oidc/mint-token").willReturn(aResponse().withStatus(502).withStatusMessage("Bad Gateway")
                .withBody("<html>upstream error</html>")));
        assertThatThrownBy(() -> exchange.mint(idToken))
                .hasMessageContaining("502 Bad Gateway")
                .hasMessageContaining("not PyPI's JSON error format")
                .hasMessageContaining("status.python.org");
    }

    @Test
    void successWithoutTokenIsAnError() {
        stubFor(post("/_/oidc/mint-token").willReturn(okJson("{\"success\":true}")));
        assertThatThrownBy(() -> exchange.mint(idToken)).hasMessageContaining("gave no token");
    }

    @Test
    void connectionResetDuringMintIsReported() {
        stubFor(post("/_/oidc/mint-token").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> exchange.mint(idToken))
                .hasMessageContaining("POST")
                .hasMessageContaining("/_/oidc/mint-token failed")
                .hasMessageNotContaining(idToken.value());
    }

    @Test
    void slowMintTimesOut() {
        stubFor(post("/_/oidc/mint-token").willReturn(okJson("{}").withFixedDelay(4000)));
        assertThatThrownBy(() -> exchange.mint(idToken)).hasMessageContaining("timed out");
    }
}
