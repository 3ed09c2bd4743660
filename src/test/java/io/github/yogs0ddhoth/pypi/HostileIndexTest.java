package io.github.yogs0ddhoth.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.HostileServer;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import io.github.yogs0ddhoth.pypi.testing.SampleRelease;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole publish against an index that trickles, never ends its body, says nothing, or is not there: the build
 * ends within (retries + 1) deadlines, every request is tried exactly retries + 1 times, and the run carries one
 * {@code ::error::} annotation. The GitHub token endpoint is an honest fake; the index is hostile.
 */
@Timeout(120)
class HostileIndexTest {
    private static final int RETRIES = 2;
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofMillis(1500);
    /** Far beyond any honest scheduling delay on a loaded machine, far below "hangs forever". */
    private static final Duration SLACK = Duration.ofSeconds(10);

    @TempDir
    Path target;

    private FakeIndex gitHub;
    private HostileServer index;
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void setUp() {
        gitHub = FakeIndex.start(0);
        index = HostileServer.start();
        SampleRelease.write(target);
    }

    @AfterEach
    void tearDown() {
        index.close();
        gitHub.stop();
    }

    private void publish(String uploadUrl) throws PublishException {
        HttpSettings settings = new HttpSettings("pypi-maven-plugin/test Java/17", Duration.ofSeconds(5),
                Duration.ofSeconds(60)).withExchangeTimeout(EXCHANGE_TIMEOUT);
        Publisher publisher = new Publisher(log, new PrintStream(stdout, true, StandardCharsets.UTF_8), settings,
                Clock.systemUTC(), sleeps::add);
        publisher.publish(PublishRequest.builder(RepositoryUrl.parse(uploadUrl),
                CiContext.of(gitHub.gitHubEnvironment(), null)).packagesDirectory(target).retries(RETRIES).build());
    }

    private void honestIdentity() {
        index.on("GET", "/_/oidc/audience", HostileServer.json("{\"audience\":\"pypi\"}"));
        index.on("POST", "/_/oidc/mint-token",
                HostileServer.json("{\"success\":true,\"token\":\"pypi-minted-hostile\",\"expires\":4102444800}"));
    }

    private long retryWarnings(String path) {
        return log.lines().stream().filter(l -> l.startsWith("[WARNING]") && l.contains(path) && l.contains("retrying"))
                .count();
    }

    private long errorAnnotations() {
        return stdout.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("::error")).count();
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    @Test
    void aTricklingAudienceEndpointFailsTheBuildWithinItsDeadlines() {
        index.on("GET", "/_/oidc/audience", index.trickle(Duration.ofSeconds(2)));
        Instant start = Instant.now();

        assertThatThrownBy(() -> publish(index.baseUrl() + "/legacy/"))
                .hasMessageContaining("timed out (no complete answer within 1.5 s, pypi.exchangeTimeout)");

        assertThat(since(start)).isLessThan(EXCHANGE_TIMEOUT.multipliedBy(RETRIES + 1).plus(SLACK));
        assertThat(index.requests("GET", "/_/oidc/audience")).isEqualTo(RETRIES + 1);
        assertThat(sleeps).hasSize(RETRIES);
        assertThat(gitHub.tokenRequests()).isZero();
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void aSilentAudienceEndpointFailsTheBuildWithinItsDeadlines() {
        index.on("GET", "/_/oidc/audience", index.silent(true));
        Instant start = Instant.now();

        assertThatThrownBy(() -> publish(index.baseUrl() + "/legacy/")).hasMessageContaining("timed out");

        assertThat(since(start)).isLessThan(EXCHANGE_TIMEOUT.multipliedBy(RETRIES + 1).plus(SLACK));
        assertThat(index.requests("GET", "/_/oidc/audience")).isEqualTo(RETRIES + 1);
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void anEndlessAudienceBodyIsCutAtItsCapAndNotRetried() throws Exception {
        index.on("GET", "/_/oidc/audience", index.endlessChunked(200));
        Instant start = Instant.now();

        // A 200 whose body is not the audience is the server's fault to fix, not a passing failure.
        assertThatThrownBy(() -> publish(index.baseUrl() + "/legacy/"))
                .hasMessageContaining("without a JSON string field 'audience'");

        assertThat(since(start)).isLessThan(EXCHANGE_TIMEOUT.plus(SLACK));
        assertThat(index.requests("GET", "/_/oidc/audience")).isEqualTo(1);
        Thread.sleep(500);
        long sent = index.bodyBytesSent();
        Thread.sleep(500);
        assertThat(index.bodyBytesSent()).isEqualTo(sent).isLessThan(16L * 1024 * 1024);
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsTriedRetriesPlusOneTimesAndAnnotatedOnce() {
        Instant start = Instant.now();

        assertThatThrownBy(() -> publish("http://127.0.0.1:" + HostileServer.refusedPort() + "/legacy/"))
                .hasMessageContaining("ConnectException");

        // Two operations reach the index before the build gives up: the preflight lookup of the project, then the
        // audience. Each failed attempt but the last of each is followed by one pause, and logged once.
        assertThat(sleeps).hasSize(2 * RETRIES);
        assertThat(retryWarnings("/simple/demo-pkg/")).isEqualTo(RETRIES);
        assertThat(retryWarnings("/_/oidc/audience")).isEqualTo(RETRIES);
        assertThat(log.text()).contains("retrying (" + RETRIES + " of " + RETRIES + ")")
                .doesNotContain("(" + (RETRIES + 1) + " of ");
        assertThat(errorAnnotations()).isEqualTo(1);
        assertThat(since(start)).isLessThan(SLACK);
    }

    @Test
    void aTricklingAnswerToAnUploadIsCutOnceTheBodyIsSentAndTriedRetriesPlusOneTimes() {
        honestIdentity();
        index.on("POST", "/legacy/", index.trickle(Duration.ofSeconds(2)));
        Instant start = Instant.now();

        assertThatThrownBy(() -> publish(index.baseUrl() + "/legacy/"))
                .hasMessageContaining("timed out")
                .hasMessageContaining("the body was sent, but no complete answer came within 1.5 s")
                .hasMessageContaining("Gave up after " + (RETRIES + 1) + " attempt(s)");

        assertThat(index.requests("POST", "/legacy/")).isEqualTo(RETRIES + 1);
        // Once by the preflight (a 404 here: a new project), then after each uncertain failure, once, whether the
        // index stored the file.
        assertThat(index.requests("GET", "/simple/demo-pkg/")).isEqualTo(1 + RETRIES + 1);
        assertThat(index.requests("POST", "/_/oidc/mint-token")).isEqualTo(1);
        assertThat(since(start)).isLessThan(EXCHANGE_TIMEOUT.multipliedBy(RETRIES + 1).plus(SLACK));
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void anEndlessAnswerToAnUploadIsAbandonedAtItsCap() throws Exception {
        honestIdentity();
        index.on("POST", "/legacy/", index.endlessChunked(503));
        Instant start = Instant.now();

        assertThatThrownBy(() -> publish(index.baseUrl() + "/legacy/")).hasMessageContaining("503");

        assertThat(index.requests("POST", "/legacy/")).isEqualTo(RETRIES + 1);
        assertThat(since(start)).isLessThan(EXCHANGE_TIMEOUT.multipliedBy(RETRIES + 1).plus(SLACK));
        Thread.sleep(500);
        long sent = index.bodyBytesSent();
        Thread.sleep(500);
        assertThat(index.bodyBytesSent()).isEqualTo(sent).isLessThan((RETRIES + 1) * 16L * 1024 * 1024);
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void aServerThatNeverAnswersAnUploadEndsWithinItsDeadlines() {
        honestIdentity();
        index.on("POST", "/legacy/", index.silent(true));
        index.on("GET", "/simple/demo-pkg/", index.silent(true));
        Instant start = Instant.now();

        assertThatThrownBy(() -> publish(index.baseUrl() + "/legacy/")).hasMessageContaining("timed out");

        assertThat(index.requests("POST", "/legacy/")).isEqualTo(RETRIES + 1);
        // The preflight is one operation (retries + 1 lookups), the upload another (one lookup after each post).
        assertThat(index.requests("GET", "/simple/demo-pkg/")).isEqualTo(2 * (RETRIES + 1));
        // Each post and each lookup ends at its own deadline; nothing waits longer.
        assertThat(since(start)).isLessThan(EXCHANGE_TIMEOUT.multipliedBy(3 * (RETRIES + 1)).plus(SLACK));
        assertThat(errorAnnotations()).isEqualTo(1);
    }

    @Test
    void aMintThatFailedOnceAndThenSucceededLeavesNoErrorAnnotation() throws Exception {
        index.on("GET", "/_/oidc/audience", HostileServer.json("{\"audience\":\"pypi\"}"));
        index.on("POST", "/legacy/", HostileServer.status(200, "text/plain", ""));
        HostileServer.Responder ok =
                HostileServer.json("{\"success\":true,\"token\":\"pypi-minted-hostile\",\"expires\":4102444800}");
        HostileServer.Responder busy = HostileServer.status(503, "text/plain", "busy", Map.of("Retry-After", "4"));
        int[] mints = {0};
        index.on("POST", "/_/oidc/mint-token", (socket, in, out, headers) ->
                (mints[0]++ == 0 ? busy : ok).respond(socket, in, out, headers));

        publish(index.baseUrl() + "/legacy/");

        assertThat(index.requests("POST", "/_/oidc/mint-token")).isEqualTo(2);
        assertThat(gitHub.tokenRequests()).isEqualTo(2);
        // The server asked for 4 s; the backoff before the first retry is at most 2 s.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(4));
        assertThat(errorAnnotations()).isZero();
        assertThat(log.text()).contains("retrying with a fresh ID token (1 of " + RETRIES + ")");
    }
}
