package io.github.yogs0ddhoth.pypi.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import io.github.yogs0ddhoth.pypi.upload.FormField;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenManagerTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private FakeIndex index;
    private CloseableHttpClient client;
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };

    @BeforeEach
    void setUp() {
        index = FakeIndex.start(0);
        client = Http.client();
        // Tokens minted by this fake expire 15 minutes after NOW, whatever the test's clock says later.
        index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0).willReturn(okJson(
                "{\"success\":true,\"token\":\"pypi-minted-for-test\",\"expires\":" + NOW.plusSeconds(900).getEpochSecond() + "}")));
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        index.stop();
    }

    private TokenManager manager(boolean singleTokenCi) throws Exception {
        TrustedPublishing identity = new TrustedPublishing(
                CiContext.of(singleTokenCi ? index.gitLabEnvironment() : index.gitHubEnvironment(), null),
                new TextExchange(client),
                new SecretMasker(null), null, new RecordingLog(), clock);
        TokenManager m = new TokenManager(clock, new RecordingLog());
        m.start(() -> identity.obtain(index.baseUrl(), "demo_pkg", PublisherDeclaration.none()));
        return m;
    }

    private TokenManager manager() throws Exception {
        return manager(false);
    }

    private static UploadForm fileOf(long size) {
        return new UploadForm(List.of(new FormField("name", "x")), Path.of("x.whl"), "x.whl", size);
    }

    @Test
    void keepsTheTokenWhileItOutlivesTheUpload() throws Exception {
        TokenManager m = manager();
        m.tokenFor(fileOf(1_000_000));
        assertThat(index.tokenRequests()).isEqualTo(1);
        assertThat(index.mintRequests()).isEqualTo(1);
    }

    @Test
    void mintsFromAFreshIdTokenBeforeAnUploadThatWouldOutliveTheToken() throws Exception {
        TokenManager m = manager();
        now = NOW.plus(Duration.ofMinutes(13));
        // At the assumed 1 MB/s, 100 MB takes 100 s + 60 s margin: past the 15-minute expiry.
        m.tokenFor(fileOf(100_000_000));
        assertThat(index.tokenRequests()).isEqualTo(2);
        assertThat(index.mintRequests()).isEqualTo(2);
    }

    @Test
    void aFreshTokenIsNotRenewedForAnUploadLongerThanAnyTokenLasts() throws Exception {
        TokenManager m = manager();
        // 1 GiB at the assumed 1 MB/s outlasts the 15-minute token, but so would a token minted now.
        m.tokenFor(fileOf(1L << 30));
        now = NOW.plus(Duration.ofSeconds(59));
        m.tokenFor(fileOf(1L << 30));
        assertThat(index.tokenRequests()).isEqualTo(1);
        assertThat(index.mintRequests()).isEqualTo(1);
        now = NOW.plus(Duration.ofSeconds(61));
        m.tokenFor(fileOf(1L << 30));
        assertThat(index.mintRequests()).as("older than the margin: a new token lasts longer").isEqualTo(2);
    }

    @Test
    void measuredThroughputShortensTheEstimate() throws Exception {
        TokenManager m = manager();
        m.recordUpload(1_000_000_000, Duration.ofSeconds(10));
        now = NOW.plus(Duration.ofMinutes(13));
        m.tokenFor(fileOf(100_000_000));
        assertThat(index.tokenRequests()).isEqualTo(1);
    }

    @Test
    void neverHandsOutAnExpiredToken() throws Exception {
        TokenManager m = manager();
        now = NOW.plus(Duration.ofMinutes(16));
        m.tokenFor(fileOf(1));
        assertThat(index.mintRequests()).isEqualTo(2);
    }

    @Test
    void invalidateForcesANewToken() throws Exception {
        TokenManager m = manager();
        m.invalidate(m.tokenFor(fileOf(1)));
        m.tokenFor(fileOf(1));
        assertThat(index.mintRequests()).isEqualTo(2);
    }

    @Test
    void onASingleTokenCiAnExpiredTokenCannotBeRenewed() throws Exception {
        TokenManager m = manager(true);
        now = NOW.plus(Duration.ofMinutes(16));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.tokenFor(fileOf(1)))
                .hasMessageContaining("one ID token per job");
        assertThat(index.mintRequests()).isEqualTo(1);
    }

    @Test
    void aMint503IsRetriedWithAFreshIdToken() throws Exception {
        index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0)
                .inScenario("mint").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503))
                .willSetStateTo("up"));
        List<Duration> sleeps = new java.util.ArrayList<>();
        RecordingLog log = new RecordingLog();
        TrustedPublishing identity = new TrustedPublishing(CiContext.of(index.gitHubEnvironment(), null), new TextExchange(client,
                new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.0, sleeps::add), log::warn),
                new SecretMasker(null), null, log, clock);
        TokenManager m = new TokenManager(clock, log);

        m.start(() -> identity.obtain(index.baseUrl(), "demo_pkg", PublisherDeclaration.none()));

        assertThat(index.mintRequests()).isEqualTo(2);
        assertThat(index.tokenRequests()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(log.text()).contains("retrying with a fresh ID token (1 of 3)");
    }

    @Test
    void onGitLabAFailedMintIsNotRetriedAndSaysWhy() throws Exception {
        index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        TrustedPublishing identity = new TrustedPublishing(CiContext.of(index.gitLabEnvironment(), null),
                new TextExchange(client, RetryPolicy.standard(3), m -> {}), new SecretMasker(null), null,
                new RecordingLog(), clock);
        TokenManager m = new TokenManager(clock, new RecordingLog());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> m.start(() -> identity.obtain(index.baseUrl(), "demo_pkg", PublisherDeclaration.none())))
                .hasMessageContaining("A retry is impossible here")
                .hasMessageContaining("one ID token per job");
        assertThat(index.mintRequests()).isEqualTo(1);
    }

    /** Mints these tokens in turn, each {@code value:expiresAfterNowInSeconds}, the first after {@code delayMs}. */
    private void mintsInTurn(int delayMs, String... tokens) {
        String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String[] t = tokens[i].split(":");
            String next = "minted-" + (i + 1);
            index.server().stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(0).inScenario("mints")
                    .whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(okJson("{\"success\":true,\"token\":\"" + t[0] + "\",\"expires\":"
                            + NOW.plusSeconds(Long.parseLong(t[1])).getEpochSecond() + "}").withFixedDelay(delayMs)));
            state = next;
        }
    }

    /** Runs {@code action} on {@code n} threads released together; returns what each returned. */
    private static List<String> together(int n, java.util.concurrent.Callable<String> action) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CyclicBarrier gate = new java.util.concurrent.CyclicBarrier(n);
            List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return action.call();
                }));
            }
            List<String> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> f : futures) {
                results.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threadsThatAllNeedANewTokenShareOneRenewal() throws Exception {
        // The first token lasts 15 minutes, the renewed one an hour; the mint is slow, so the threads pile up.
        mintsInTurn(300, "pypi-first:900", "pypi-second:3600", "pypi-third:3600");
        TokenManager m = manager();
        now = NOW.plus(Duration.ofMinutes(14));

        List<String> handedOut = together(6, () -> m.tokenFor(fileOf(1_000_000)));

        assertThat(handedOut).containsOnly("pypi-second");
        assertThat(index.mintRequests()).isEqualTo(2);
        assertThat(index.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aTokenRefusedOnSeveralThreadsIsReplacedOnce() throws Exception {
        mintsInTurn(0, "pypi-first:3600", "pypi-second:3600", "pypi-third:3600");
        TokenManager m = manager();
        String refused = m.tokenFor(fileOf(1));

        List<String> handedOut = together(6, () -> {
            m.invalidate(refused);
            return m.tokenFor(fileOf(1));
        });

        assertThat(handedOut).containsOnly("pypi-second");
        assertThat(index.mintRequests()).isEqualTo(2);
    }

    @Test
    void aLateRefusalOfAReplacedTokenKeepsItsReplacement() throws Exception {
        mintsInTurn(0, "pypi-first:3600", "pypi-second:3600", "pypi-third:3600");
        TokenManager m = manager();
        String first = m.tokenFor(fileOf(1));
        m.invalidate(first);
        assertThat(m.tokenFor(fileOf(1))).isEqualTo("pypi-second");

        // Another file's upload, sent with the first token, is refused only now.
        m.invalidate(first);

        assertThat(m.tokenFor(fileOf(1))).isEqualTo("pypi-second");
        assertThat(index.mintRequests()).isEqualTo(2);
    }

    @Test
    void parallelUploadsNearExpiryMintOnceBetweenThem() throws Exception {
        mintsInTurn(300, "pypi-first:900", "pypi-second:3600", "pypi-third:3600");
        TokenManager m = manager();
        now = NOW.plus(Duration.ofMinutes(14));
        index.server().stubFor(post(urlEqualTo("/legacy/")).atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withFixedDelay(100)));
        RecordingLog log = new RecordingLog();
        TextExchange http = new TextExchange(client, RetryPolicy.none(), log::warn);
        io.github.yogs0ddhoth.pypi.upload.FileUploader uploader = new io.github.yogs0ddhoth.pypi.upload.FileUploader(
                new io.github.yogs0ddhoth.pypi.upload.LegacyUploadClient(
                        io.github.yogs0ddhoth.pypi.upload.RepositoryUrl.parse(index.uploadUrl()), http),
                new io.github.yogs0ddhoth.pypi.upload.IndexLookup(null, http.singleAttempt()), RetryPolicy.none(),
                false, log, f -> io.github.yogs0ddhoth.pypi.upload.ProgressListener.NONE);
        List<UploadForm> forms = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path file = java.nio.file.Files.write(dir.resolve("demo_pkg-1.0-py3-none-p" + i + ".whl"), new byte[512]);
            forms.add(new UploadForm(List.of(new FormField("name", "demo_pkg"),
                    new FormField("filetype", "bdist_wheel")), file, file.getFileName().toString(), 512));
        }

        List<io.github.yogs0ddhoth.pypi.upload.UploadResult> results =
                new io.github.yogs0ddhoth.pypi.upload.ParallelUploads(4).run(forms, f -> uploader.upload(f, m));

        assertThat(results).allMatch(io.github.yogs0ddhoth.pypi.upload.UploadResult::isDone);
        assertThat(index.mintRequests()).isEqualTo(2);
        assertThat(index.uploads()).hasSize(8).allMatch(u -> u.getHeader("Authorization").equals("Basic "
                + java.util.Base64.getEncoder().encodeToString("__token__:pypi-second".getBytes())));
    }
}
