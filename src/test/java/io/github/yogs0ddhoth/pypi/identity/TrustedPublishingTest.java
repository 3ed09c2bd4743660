package io.github.yogs0ddhoth.pypi.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole identity flow against a fake GitHub token endpoint, GCP metadata server and PyPI. */
class TrustedPublishingTest {
    static final PublisherDeclaration DECLARED =
            new PublisherDeclaration("octo-org/octo-repo", "publish.yml", "pypi", null);

    @TempDir
    Path dir;

    /** One server for the class: starting WireMock per test would dominate the run time. */
    private static FakeIndex index;
    private CloseableHttpClient client;
    /** Workflow commands and log lines go to one stream, as on a runner, so their order can be checked. */
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private Path summary;

    @BeforeAll
    static void startIndex() {
        index = FakeIndex.start(0);
    }

    @AfterAll
    static void stopIndex() {
        index.stop();
    }

    @BeforeEach
    void setUp() {
        index.server().resetRequests();
        client = Http.client();
        summary = dir.resolve("step-summary.md");
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
    }

    private TrustedPublishing publishing(Map<String, String> env, boolean onGitHub) {
        return publishing(env, onGitHub, new TextExchange(client));
    }

    private final List<java.time.Duration> sleeps = new java.util.ArrayList<>();

    /** Retries=3 in the exchange, as the publish run's: the identity operation takes them as its budget. */
    private TrustedPublishing retrying(Map<String, String> env) {
        return publishing(env, true, new TextExchange(client, new RetryPolicy(3, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(30), () -> 0.0, sleeps::add), m -> stream.println("[WARNING] " + m)));
    }

    private long errorAnnotations() {
        return output().lines().filter(l -> l.startsWith("::error")).count();
    }

    private TrustedPublishing publishing(Map<String, String> env, boolean onGitHub, TextExchange http) {
        WorkflowCommands commands = onGitHub ? new WorkflowCommands(stream) : null;
        SecretMasker masker = new SecretMasker(commands);
        PublishLog log = new PublishLog() {
            public void debug(String m) { stream.println("[DEBUG] " + m); }
            public void info(String m) { stream.println("[INFO] " + m); }
            public void warn(String m) { stream.println("[WARNING] " + m); }
            public void error(String m) { stream.println("[ERROR] " + m); }
        };
        Clock clock = Clock.fixed(Instant.ofEpochSecond(Jwts.ISSUED_AT + 60), ZoneOffset.UTC);
        return new TrustedPublishing(CiContext.of(env, null), http, masker, commands, log, clock);
    }

    private Map<String, String> gitHubEnv() {
        Map<String, String> env = new HashMap<>(index.gitHubEnvironment());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        return env;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every line that is not an ::add-mask:: command: where no secret may appear. */
    private String outputAfterMasks() {
        return String.join("\n", output().lines().filter(l -> !l.startsWith("::add-mask::")).toList());
    }

    @Test
    void gitHubObtainsAMaskedUploadTokenAfterTheCheckPasses() throws Exception {
        PublishingIdentity identity = publishing(gitHubEnv(), true).obtain(index.baseUrl(), "demo-pkg", DECLARED);

        assertThat(identity.token().value()).isEqualTo(FakeIndex.MINTED_TOKEN);
        assertThat(identity.providerName()).isEqualTo("GitHub Actions");
        List<String> lines = output().lines().toList();
        // The request token is masked before the first line of output; the others before they can be printed.
        assertThat(lines.get(0)).isEqualTo("::add-mask::" + FakeIndex.REQUEST_TOKEN);
        assertThat(lines).contains("::add-mask::" + index.idToken(), "::add-mask::" + FakeIndex.MINTED_TOKEN);
        assertThat(lines.indexOf("::add-mask::" + index.idToken()))
                .isLessThan(lines.indexOf("[DEBUG] Got an ID token from GitHub Actions: IdToken[iss="
                        + "https://token.actions.githubusercontent.com, sub=repo:octo-org/octo-repo:environment:pypi,"
                        + " value=***]"));
        assertThat(output()).contains("[INFO] The ID token's claims match the declared trusted publisher"
                + " (repository=octo-org/octo-repo, workflow=publish.yml, environment=pypi)");
        assertThat(outputAfterMasks()).doesNotContain(FakeIndex.REQUEST_TOKEN).doesNotContain(index.idToken())
                .doesNotContain(FakeIndex.MINTED_TOKEN);
        assertThat(summary).doesNotExist();
    }

    @Test
    void aWrongEnvironmentFailsBeforeAnyMintRequest() throws Exception {
        PublisherDeclaration declared = new PublisherDeclaration("octo-org/octo-repo", "publish.yml", "release", null);

        assertThatThrownBy(() -> publishing(gitHubEnv(), true).obtain(index.baseUrl(), "demo-pkg", declared))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("does not match the declared trusted publisher")
                .hasMessageContaining("  environment | release  | pypi")
                .hasMessageContaining(index.baseUrl() + "/manage/project/demo-pkg/settings/publishing/");

        assertThat(index.tokenRequests()).isEqualTo(1);
        assertThat(index.mintRequests()).isZero();
        assertThat(outputAfterMasks())
                .contains("::error title=The GitHub Actions ID token does not match the declared trusted publisher::")
                .doesNotContain(index.idToken());
        assertThat(Files.readString(summary))
                .contains("| `environment` | `release` | `pypi` |")
                .contains("<details>")
                .doesNotContain(index.idToken()).doesNotContain(FakeIndex.REQUEST_TOKEN);
    }

    @Test
    void aRefusedExchangeIsAnnotatedAndSummarisedWithoutSecrets() throws Exception {
        StubMapping refusal = index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Token request failed\",\"errors\":[{\"code\":\"invalid-publisher\","
                        + "\"description\":\"valid token, but no corresponding publisher (Check failed for optional"
                        + " claim 'environment')\"}]}")));

        try {
            assertThatThrownBy(() -> publishing(gitHubEnv(), true).obtain(index.baseUrl(), "demo-pkg", DECLARED))
                    .isInstanceOf(MintException.class)
                    .hasMessageContaining("names a deployment environment")
                    .hasMessageContaining("so it is the publisher registered on PyPI that differs from the"
                            + " declaration")
                    .hasMessageContaining("for debugging");
        } finally {
            index.server().removeStub(refusal);
        }

        assertThat(outputAfterMasks())
                .contains("::error title=" + TokenExchange.MINT_TITLE + "::")
                .doesNotContain(index.idToken()).doesNotContain(FakeIndex.REQUEST_TOKEN);
        assertThat(Files.readString(summary)).contains(TokenExchange.MINT_TITLE)
                .contains("invalid-publisher").contains("`environment`: `pypi`")
                .doesNotContain(index.idToken());
    }

    @Test
    void nothingDeclaredPublishesWithAWarningAndAnnotation() throws Exception {
        publishing(gitHubEnv(), true).obtain(index.baseUrl(), "demo-pkg", PublisherDeclaration.none());

        assertThat(output()).contains("[WARNING] Trusted publisher not declared: claims unchecked:")
                .contains("::warning title=Trusted publisher not declared%3A claims unchecked::")
                .contains("Workflow name: publish.yml");
        assertThat(index.mintRequests()).isEqualTo(1);
    }

    @Test
    void gitHubCanRefreshWithAFreshIdToken() throws Exception {
        PublishingIdentity identity = publishing(gitHubEnv(), true).obtain(index.baseUrl(), "demo-pkg", DECLARED);

        assertThat(identity.canRefreshToken()).isTrue();
        identity.refresh();
        assertThat(index.tokenRequests()).isEqualTo(2);
        assertThat(index.mintRequests()).isEqualTo(2);
    }

    @Test
    void verifyChecksWithoutSpendingTheToken() throws Exception {
        ClaimsCheckResult result = publishing(gitHubEnv(), true).verify(index.baseUrl(), "demo-pkg", DECLARED);

        assertThat(result.passed()).isTrue();
        assertThat(index.tokenRequests()).isEqualTo(1);
        assertThat(index.mintRequests()).isZero();
    }

    @Test
    void gitLabPublishesOnceAndCannotRefresh() throws Exception {
        PublisherDeclaration declared =
                new PublisherDeclaration("octo-group/octo-project", ".gitlab-ci.yml", "release", null);
        PublishingIdentity identity =
                publishing(index.gitLabEnvironment(), false).obtain(index.baseUrl(), "demo-pkg", declared);

        assertThat(identity.token().value()).isEqualTo(FakeIndex.MINTED_TOKEN);
        assertThat(identity.kind()).isEqualTo(PublisherKind.GITLAB);
        assertThat(identity.canRefreshToken()).isFalse();
        assertThatThrownBy(identity::refresh)
                .hasMessageContaining("gives a job one ID token")
                .hasMessageContaining("15 minutes");
        assertThat(index.mintRequests()).isEqualTo(1);
        // Off GitHub Actions: no workflow commands at all, and never a token in the log.
        assertThat(output()).doesNotContain("::").doesNotContain(index.gitLabIdToken())
                .doesNotContain(FakeIndex.MINTED_TOKEN);
    }

    @Test
    void googleCloudPublishesThroughTheMetadataServer() throws Exception {
        PublisherDeclaration declared =
                new PublisherDeclaration(null, null, null, "publisher@octo-project.iam.gserviceaccount.com");
        PublishingIdentity identity =
                publishing(index.googleEnvironment(), false).obtain(index.baseUrl(), "demo-pkg", declared);

        assertThat(identity.token().value()).isEqualTo(FakeIndex.MINTED_TOKEN);
        assertThat(identity.kind()).isEqualTo(PublisherKind.GOOGLE);
        assertThat(index.metadataRequests()).isEqualTo(1);
        assertThat(output()).contains("[INFO] Trusted publishing from Google Cloud to " + index.baseUrl())
                .doesNotContain(index.googleIdToken());
    }

    @Test
    void noCiFailsWithoutAnyRequest() {
        assertThatThrownBy(() -> publishing(Map.of(), false).obtain(index.baseUrl(), "demo-pkg", DECLARED))
                .hasMessageContaining("No supported CI system was detected");
        assertThat(index.requestCount()).isZero();
    }

    @Test
    void anAudienceThatStays503IsAskedRetriesPlusOneTimes() {
        StubMapping down = index.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlEqualTo("/_/oidc/audience")).atPriority(0).willReturn(aResponse().withStatus(503)));
        try {
            assertThatThrownBy(() -> retrying(gitHubEnv()).obtain(index.baseUrl(), "demo-pkg", DECLARED))
                    .hasMessageContaining("answered 503");
        } finally {
            index.server().removeStub(down);
        }

        assertThat(index.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/_/oidc/audience")))).hasSize(4);
        assertThat(index.tokenRequests()).isZero();
        assertThat(sleeps).hasSize(3);
        assertThat(output().lines().filter(l -> l.startsWith("[WARNING]") && l.contains("retrying"))).hasSize(3);
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void aMintThatStays503IsTriedRetriesPlusOneTimesEachWithAFreshIdToken() {
        StubMapping down = index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
        try {
            assertThatThrownBy(() -> retrying(gitHubEnv()).obtain(index.baseUrl(), "demo-pkg", DECLARED))
                    .isInstanceOf(MintException.class);
        } finally {
            index.server().removeStub(down);
        }

        assertThat(index.mintRequests()).isEqualTo(4);
        assertThat(index.tokenRequests()).isEqualTo(4);
        assertThat(index.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/_/oidc/audience")))).hasSize(1);
        // Backoff 1, 2, 4 s at zero jitter; the server's 5 s wins each time.
        assertThat(sleeps).containsExactly(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(5));
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void aBudgetIsSharedByTheAudienceAndTheMint() {
        StubMapping audience = index.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlEqualTo("/_/oidc/audience")).atPriority(0).inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        StubMapping mint = index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0)
                .willReturn(aResponse().withStatus(503)));
        try {
            assertThatThrownBy(() -> retrying(gitHubEnv()).obtain(index.baseUrl(), "demo-pkg", DECLARED))
                    .isInstanceOf(MintException.class);
        } finally {
            index.server().removeStub(audience);
            index.server().removeStub(mint);
            index.server().resetScenarios();
        }

        // One retry went to the audience, so the mint had three left: four attempts in all, not four each.
        assertThat(index.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/_/oidc/audience")))).hasSize(2);
        assertThat(index.mintRequests()).isEqualTo(3);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void aMintRetriedSuccessfullyIsAWarningNotAnError() throws Exception {
        StubMapping once = index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0)
                .inScenario("once").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        try {
            retrying(gitHubEnv()).obtain(index.baseUrl(), "demo-pkg", DECLARED);
        } finally {
            index.server().removeStub(once);
            index.server().resetScenarios();
        }

        assertThat(index.mintRequests()).isEqualTo(2);
        assertThat(errorAnnotations()).isZero();
        assertThat(summary).doesNotExist();
        assertThat(output()).contains("retrying with a fresh ID token (1 of 3)");
    }
}
