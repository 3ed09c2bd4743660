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
    void audienceRedirectIsNotCalledDownAndNotFollowed() {
        stubFor(get("/_/oidc/audience").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://elsewhere.example/_/oidc/audience")));
        assertThatThrownBy(() -> exchange.audience())
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.isPassing()).isFalse())
                .hasMessageContaining("answered 301")
                .hasMessageContaining("redirecting to https://elsewhere.example/_/oidc/audience")
                .hasMessageContaining("Redirects are not followed")
                .hasMessageNotContaining("may be down");
    }

    @Test
    void audience5xxAnd429ArePassingWithTheirRetryAfter() {
        stubFor(get("/_/oidc/audience").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")));
        assertThatThrownBy(() -> exchange.audience())
                .isInstanceOfSatisfying(IdentityException.class, e -> {
                    assertThat(e.isPassing()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(12));
                });
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

    private static void stub422(String code, String description) {
        stubFor(post("/_/oidc/mint-token").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Token request failed\",\"errors\":[{\"code\":\"" + code
                        + "\",\"description\":\"" + description + "\"}]}")));
    }

    private MintException mintFails(IdToken token, PublishingPage page, boolean checked) {
        try {
            exchange.mint(token, page, checked);
        } catch (MintException e) {
            return e;
        }
        throw new AssertionError("mint succeeded");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "invalid-payload|unknown trusted publishing issuer|issuer is not one PyPI trusts|ask PyPI's admins to register its issuer",
        "invalid-payload|malformed JWT|could not decode the token|the CI issued a broken token",
        "invalid-payload|Project creation failed|malformed, or its issuer|check the project name registered at https://pypi.org/manage/account/publishing/",
        "not-enabled|github trusted publishing functionality not enabled|turned trusted publishing off|status.python.org",
        "invalid-token|malformed or invalid token|expired, not yet valid, or an audience|fresh token is requested",
        "invalid-pending-publisher|valid token, but project already exists|project with that name already exists|existing project: https://pypi.org/manage/project/demo-pkg/settings/publishing/",
        "invalid-reuse-token|invalid token: already used|only once|fresh token is requested",
        "invalid-publisher|valid token, but no corresponding publisher (Publisher with matching claims was not found)|No publisher registered on this index matches|Owner, Repository name, Workflow name, Environment name"})
    void each422CodeIsMappedToItsCauseAndFixAndTheClaimsAreShown(String code, String description, String cause,
            String fix) {
        stub422(code, description);
        MintException e = mintFails(idToken, PublishingPage.forIndex("https://upload.pypi.org", "Demo_Pkg"), false);
        assertThat(e.getMessage())
                .contains("* " + code + ": " + description)
                .contains("Cause: ").contains(cause)
                .contains("Fix: ").contains(fix)
                .contains("for debugging")
                .contains("job_workflow_ref: octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0")
                .contains("environment: pypi")
                .doesNotContain(idToken.value());
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.errors()).containsExactly(new MintError(code, description));
        assertThat(e.markdown()).contains(code).contains("<details>").doesNotContain(idToken.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "All lookup strategies exhausted|No publisher registered on this index matches|compare it field by field",
        "Check failed for required claim 'repository_owner_id'|account was deleted and re-created|remove the publisher on PyPI and add it again",
        "Check failed for optional claim 'environment'|names a deployment environment|Run the publish job in the registered environment",
        "Missing claim 'environment'|names a deployment environment|Declare pypi.publisher.environment",
        "Publishing from a workflow invoked via 'pull_request_target' is not supported.|refuses tokens from runs triggered by pull_request_target|tag push, a release or workflow_dispatch",
        "The job_workflow_ref claim does not match, expecting one of ['o/r/.github/workflows/p.yml@refs/heads/main'], got 'o/r/.github/workflows/x.yml@v1'|reusable workflow|Register the file named in job_workflow_ref",
        "The ref and sha claims are empty|job_workflow_ref|call it at the run's own ref",
        "JWT issuer 'https://gitlab.example.com' does not match expected issuer 'https://gitlab.com'|another GitLab instance|registered by a PyPI admin",
        "Missing claim 'sha'|lacks a claim this kind of publisher requires (claim 'sha')|customised OIDC subject",
        "Check failed for required claim 'repository'|does not match the registered publisher (claim 'repository')|renamed or moved repository"})
    void eachInvalidPublisherReasonGetsItsOwnFix(String reason, String cause, String fix) {
        stub422("invalid-publisher", "valid token, but no corresponding publisher (" + reason + ")");
        MintException e = mintFails(idToken, PublishingPage.forIndex("https://upload.pypi.org", "demo"), false);
        assertThat(e.getMessage()).contains(cause).contains(fix)
                .contains("The publisher on PyPI: https://pypi.org/manage/project/demo/settings/publishing/");
    }

    @Test
    void invalidPublisherAfterAPassedCheckPointsAtTheRegistration() {
        stub422("invalid-publisher", "valid token, but no corresponding publisher (Publisher with matching claims"
                + " was not found)");
        MintException e = mintFails(idToken, PublishingPage.forIndex("https://test.pypi.org", "demo"), true);
        assertThat(e.getMessage()).contains("it is the publisher registered on PyPI that differs from the"
                + " declaration: correct it at https://test.pypi.org/manage/project/demo/settings/publishing/");
    }

    @Test
    void reuseOnGitLabSaysARetryWithinTheJobIsImpossible() throws Exception {
        stub422("invalid-reuse-token", "invalid token: already used");
        MintException e = mintFails(IdToken.parse(Jwts.gitLabJwt("jti-gl"), "test"),
                PublishingPage.forIndex("https://upload.pypi.org", "demo"), false);
        assertThat(e.getMessage()).contains("GitLab gives a job one ID token")
                .contains("project_path: octo-group/octo-project")
                .contains("ci_config_ref_uri: gitlab.com/octo-group/octo-project//.gitlab-ci.yml@refs/tags/v1.0.0")
                .doesNotContain("repository_owner");
        assertThat(e.freshTokenMayHelp()).isTrue();
    }

    @Test
    void googleClaimsAreShownForAGoogleToken() throws Exception {
        stub422("invalid-publisher", "valid token, but no corresponding publisher (Check failed for required claim"
                + " 'email')");
        MintException e = mintFails(IdToken.parse(Jwts.googleJwt(), "test"),
                PublishingPage.forIndex("https://upload.pypi.org", "demo"), false);
        assertThat(e.getMessage()).contains("email: publisher@octo-project.iam.gserviceaccount.com")
                .contains("email_verified: true");
        assertThat(e.freshTokenMayHelp()).isFalse();
    }

    @Test
    void aDescriptionEchoingTheTokenIsRedacted() {
        masker.register(idToken.value());
        stub422("invalid-token", "bad token " + idToken.value());
        assertThat(mintFails(idToken, PublishingPage.forIndex("https://upload.pypi.org", "d"), false).getMessage())
                .contains("* invalid-token: bad token ***")
                .doesNotContain(idToken.value());
    }

    @Test
    void nonJsonErrorShowsStatusAndHint() {
        stubFor(post("/_/oidc/mint-token").willReturn(aResponse().withStatus(502).withStatusMessage("Bad Gateway")
                .withBody("<html>upstream error</html>")));
        assertThatThrownBy(() -> exchange.mint(idToken))
                .hasMessageContaining("502 Bad Gateway")
                .hasMessageContaining("not PyPI's JSON error format")
                .hasMessageContaining("status.python.org")
                .hasMessageContaining("repository: octo-org/octo-repo");
    }

    @Test
    void jsonErrorWithoutErrorsListIsNotACrash() {
        stubFor(post("/_/oidc/mint-token").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Token request failed\"}")));
        assertThatThrownBy(() -> exchange.mint(idToken))
                .isInstanceOf(MintException.class)
                .hasMessageContaining("422")
                .hasMessageContaining("not PyPI's JSON error format");
    }

    @Test
    void successThatIsNotJsonIsAnError() {
        stubFor(post("/_/oidc/mint-token").willReturn(aResponse().withStatus(200).withBody("<html>ok</html>")));
        assertThatThrownBy(() -> exchange.mint(idToken)).hasMessageContaining("but gave no token");
    }

    @Test
    void successWithoutTokenIsAnError() {
        stubFor(post("/_/oidc/mint-token").willReturn(okJson("{\"success\":true}")));
        assertThatThrownBy(() -> exchange.mint(idToken))
                .isInstanceOf(MintException.class)
                .hasMessageContaining("gave no token")
                .hasMessageContaining("for debugging");
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
