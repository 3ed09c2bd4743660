package io.github.yogs0ddhoth.pypi.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
class GitHubActionsIdentityTest {
    private static final String REQUEST_TOKEN = "request-token-7f3a9c1e5b";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final SecretMasker masker =
            new SecretMasker(new WorkflowCommands(new PrintStream(stdout, true, StandardCharsets.UTF_8)));
    private CloseableHttpClient client;
    private Map<String, String> env;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        client = Http.client();
        env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", wm.getHttpBaseUrl() + "/idtoken?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
    }

    private GitHubActionsIdentity identity() {
        return new GitHubActionsIdentity(env, new TextExchange(client), masker);
    }

    @Test
    void requestsTheTokenForTheAudienceKeepingTheExistingQuery() throws Exception {
        String jwt = Jwts.gitHubJwt("jti-1");
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(okJson("{\"count\":1,\"value\":\"" + jwt + "\"}")));

        IdToken token = identity().fetchIdToken("pypi");

        assertThat(token.value()).isEqualTo(jwt);
        assertThat(token.claim("repository")).isEqualTo("octo-org/octo-repo");
        verify(getRequestedFor(urlPathEqualTo("/idtoken"))
                .withQueryParam("api-version", equalTo("2.0"))
                .withQueryParam("audience", equalTo("pypi"))
                .withHeader("Authorization", equalTo("bearer " + REQUEST_TOKEN)));
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("::add-mask::" + REQUEST_TOKEN)
                .contains("::add-mask::" + jwt);
        assertThat(token.toString()).doesNotContain(jwt);
    }

    @Test
    void missingVariablesExplainTheIdTokenPermission() {
        env.remove("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set")
                .hasMessageContaining("id-token: write")
                .hasMessageContaining("permissions:");
    }

    @Test
    void missingVariablesOnAPullRequestMentionForks() {
        env.remove("ACTIONS_ID_TOKEN_REQUEST_URL");
        env.put("GITHUB_EVENT_NAME", "pull_request");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_URL is not set")
                .hasMessageContaining("pull requests from forks");
    }

    @Test
    void refusedRequestShowsTheStatusButNotTheRequestToken() {
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"bad token " + REQUEST_TOKEN + "\"}")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("answered 403")
                .hasMessageContaining("id-token: write")
                .hasMessageNotContaining(REQUEST_TOKEN);
    }

    @Test
    void answerWithoutValueIsExplained() {
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(okJson("{\"count\":0}")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("without a JSON string field 'value'");
    }

    @Test
    void valueThatIsNotAJwtIsExplainedWithoutShowingIt() {
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(okJson("{\"value\":\"not-a-jwt-secret-value\"}")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("not a JWT")
                .hasMessageNotContaining("not-a-jwt-secret-value");
    }

    @Test
    void connectionResetIsReported() {
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("GitHub's OIDC token request")
                .hasMessageContaining("failed");
    }

    @Test
    void slowEndpointTimesOut() {
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(okJson("{}").withFixedDelay(4000)));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi")).hasMessageContaining("timed out");
    }

    @Test
    void refusesAPlainHttpTokenEndpointOffLoopback() {
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "http://runner.example.com/idtoken?api-version=2.0");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi")).hasMessageContaining("plain http://");
    }

    @Test
    void pullRequestTargetIsRefusedBeforeAskingForAToken() {
        env.put("GITHUB_EVENT_NAME", "pull_request_target");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("Refusing to publish from a 'pull_request_target' run")
                .hasMessageContaining("Publishing from a workflow invoked via 'pull_request_target' is not supported.")
                .hasMessageContaining("tag push");
        assertThat(findAll(getRequestedFor(urlPathEqualTo("/idtoken")))).isEmpty();
    }

    @Test
    void forkPullRequestIsRefusedWithItsOwnMessage(@TempDir Path dir) throws Exception {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\":{\"head\":{\"repo\":{\"fork\":true}}}}");
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_EVENT_PATH", event.toString());
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("pull request from a fork")
                .hasMessageContaining("pull_request.head.repo.fork=true")
                .hasMessageContaining("no OIDC token")
                .hasMessageContaining("workflow_dispatch");
        assertThat(findAll(getRequestedFor(urlPathEqualTo("/idtoken")))).isEmpty();
    }

    @Test
    void pullRequestFromTheSameRepositoryIsNotTakenForAFork(@TempDir Path dir) throws Exception {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\":{\"head\":{\"repo\":{\"fork\":false}}}}");
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_EVENT_PATH", event.toString());
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(okJson("{\"value\":\"" + Jwts.gitHubJwt("j") + "\"}")));
        assertThat(identity().fetchIdToken("pypi").claim("repository")).isEqualTo("octo-org/octo-repo");
    }

    @Test
    void masksTheRequestTokenOnDetectionAndCanAlwaysAskAgain() {
        GitHubActionsIdentity identity = identity();
        identity.maskEnvironmentSecrets();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).startsWith("::add-mask::" + REQUEST_TOKEN);
        assertThat(identity.kind()).isEqualTo(PublisherKind.GITHUB);
        assertThat(identity.canRefreshToken()).isTrue();
    }

    @Test
    void audienceIsAppendedWithQuestionMarkWhenThereIsNoQuery() {
        assertThat(GitHubActionsIdentity.withAudience("https://x/t", "test pypi")).isEqualTo("https://x/t?audience=test+pypi");
    }

    @Test
    void credentialsInTheRequestUrlAreNeverShown(WireMockRuntimeInfo wm) {
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "http://runner:s3cr3t@runner.example.com/idtoken?api-version=2.0");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi")).hasMessageNotContaining("s3cr3t");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "http://runner:s3cr3t@127.0.0.1:" + io.github.yogs0ddhoth.pypi.testing.HostileServer.refusedPort()
                + "/idtoken?api-version=2.0");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi")).hasMessageContaining("failed")
                .hasMessageNotContaining("s3cr3t");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "http://runner:s3 cr3t@127.0.0.1/idtoken");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi")).hasMessageContaining("is not a valid URL")
                .hasMessageNotContaining("s3 cr3t");
    }

    @Test
    void a503FromTheTokenEndpointIsPassingAndCarriesRetryAfter() {
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .isInstanceOfSatisfying(IdentityException.class, e -> {
                    assertThat(e.isPassing()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(3));
                });
        stubFor(get(urlPathEqualTo("/idtoken")).willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.isPassing()).isFalse());
    }
}
