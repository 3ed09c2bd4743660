package io.github.yogs0ddhoth.pypi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.testing.HostileServer;
import io.github.yogs0ddhoth.pypi.testing.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every attempt ends by its deadline whatever the server does, and a body over its cap is abandoned, not drained.
 * Durations are checked against generous bounds: the point is that the call ends, not how fast.
 */
@org.junit.jupiter.api.Timeout(60)
class DeadlineTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** Far beyond any honest scheduling delay on a loaded machine, far below "hangs forever". */
    private static final Duration SLACK = Duration.ofSeconds(8);

    private HostileServer server;
    private CloseableHttpClient client;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> retryLog = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = HostileServer.start();
        // Per-read timeout well above the deadline, as in production (300 s against 30 s).
        client = HttpClientFactory.create(new HttpSettings("ua", Duration.ofSeconds(20), Duration.ofSeconds(60)));
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        server.close();
    }

    private TextExchange exchange(int retries) {
        return new TextExchange(client, TIMEOUT,
                new RetryPolicy(retries, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 1.0, sleeps::add),
                retryLog::add);
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    @Test
    void aTricklingAnswerIsCutAtTheDeadline() {
        server.on("GET", "/_/oidc/audience", server.trickle(Duration.ofSeconds(2)));
        Instant start = Instant.now();

        assertThatThrownBy(() -> exchange(0).send(new HttpGet(server.baseUrl() + "/_/oidc/audience")))
                .isInstanceOf(ExchangeTimeoutException.class)
                .hasMessageContaining("no complete answer within 1.5 s");

        assertThat(since(start)).isLessThan(TIMEOUT.plus(SLACK));
        assertThat(server.requests("GET", "/_/oidc/audience")).isEqualTo(1);
    }

    @Test
    void aSilentServerIsCutAtTheDeadline() {
        server.on("GET", "/simple/demo/", server.silent(true));
        Instant start = Instant.now();

        assertThatThrownBy(() -> exchange(0).send(new HttpGet(server.baseUrl() + "/simple/demo/")))
                .isInstanceOf(ExchangeTimeoutException.class);

        assertThat(since(start)).isLessThan(TIMEOUT.plus(SLACK));
    }

    @Test
    void anEndlessChunkedBodyIsAbandonedAtItsCapNotDrained() throws Exception {
        server.on("GET", "/_/oidc/audience", server.endlessChunked(200));
        Instant start = Instant.now();

        HttpReply reply = exchange(0).send(new HttpGet(server.baseUrl() + "/_/oidc/audience"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(TextExchange.MAX_BODY);
        assertThat(since(start)).isLessThan(TIMEOUT.plus(SLACK));
        Thread.sleep(500);
        long sent = server.bodyBytesSent();
        Thread.sleep(500);
        // Only what the socket buffers held when the connection was closed: nothing more is read, or sent.
        assertThat(server.bodyBytesSent()).isEqualTo(sent).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void aConnectThatHangsIsCutAtTheDeadlineNotTheConnectTimeout() throws Exception {
        // A listener whose accept queue is full: Linux drops further SYNs, so connecting hangs.
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                java.net.Socket first = new java.net.Socket();
                java.net.Socket second = new java.net.Socket()) {
            java.net.InetSocketAddress address = new java.net.InetSocketAddress("127.0.0.1", full.getLocalPort());
            first.connect(address, 2000);
            second.connect(address, 2000);
            Instant start = Instant.now();

            // The client's connect timeout is 20 s; the exchange's deadline, 1.5 s, is what ends it.
            assertThatThrownBy(() -> exchange(0).send(new HttpGet("http://127.0.0.1:" + full.getLocalPort() + "/x")))
                    .isInstanceOf(ExchangeTimeoutException.class);

            assertThat(since(start)).isLessThan(TIMEOUT.plus(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aGetAgainstATricklingServerIsTriedExactlyRetriesPlusOneTimes() {
        server.on("GET", "/_/oidc/audience", server.trickle(Duration.ofSeconds(2)));
        Instant start = Instant.now();

        assertThatThrownBy(() -> exchange(2).send(new HttpGet(server.baseUrl() + "/_/oidc/audience")))
                .isInstanceOf(ExchangeTimeoutException.class);

        assertThat(server.requests("GET", "/_/oidc/audience")).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(retryLog).hasSize(2).allSatisfy(m -> assertThat(m).contains("no complete answer within 1.5 s"));
        assertThat(since(start)).isLessThan(TIMEOUT.multipliedBy(3).plus(SLACK));
    }

    @Test
    void aRefusedConnectionFailsAtOnceAndIsTriedRetriesPlusOneTimes() {
        String url = "http://127.0.0.1:" + HostileServer.refusedPort() + "/_/oidc/audience";
        Instant start = Instant.now();

        assertThatThrownBy(() -> exchange(3).send(new HttpGet(url))).isInstanceOf(ConnectException.class);

        // Each failed attempt but the last is followed by one pause.
        assertThat(sleeps).hasSize(3);
        assertThat(retryLog).hasSize(3);
        assertThat(since(start)).isLessThan(SLACK);
    }

    @Test
    void theAnswerToAnUploadIsBoundedOnceTheBodyIsSent() {
        server.on("POST", "/legacy/", server.trickle(Duration.ofSeconds(2)));
        HttpPost post = new HttpPost(server.baseUrl() + "/legacy/");
        post.setEntity(new StringEntity("x".repeat(100_000), ContentType.TEXT_PLAIN));
        Instant start = Instant.now();

        // A generous deadline for sending, a short one for the answer: the answer's is the one that applies.
        assertThatThrownBy(() -> exchange(0).send(post, new Deadline(Duration.ofMinutes(5), TIMEOUT)))
                .isInstanceOf(ExchangeTimeoutException.class)
                .hasMessageContaining("the body was sent, but no complete answer came within 1.5 s");
        assertThat(since(start)).isLessThan(TIMEOUT.plus(SLACK));
    }

    @Test
    void anEndlessAnswerToAnUploadIsAbandonedAtItsCap() throws Exception {
        server.on("POST", "/legacy/", server.endlessChunked(400));
        HttpPost post = new HttpPost(server.baseUrl() + "/legacy/");
        post.setEntity(new StringEntity("x".repeat(100_000), ContentType.TEXT_PLAIN));

        HttpReply reply = exchange(0).send(post, Deadline.forUpload(100_000, TIMEOUT));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).hasSize(TextExchange.MAX_BODY);
        Thread.sleep(500);
        long sent = server.bodyBytesSent();
        Thread.sleep(500);
        assertThat(server.bodyBytesSent()).isEqualTo(sent).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void anUploadToAServerThatStopsReadingEndsAtItsDeadline() {
        server.on("POST", "/legacy/", server.silent(false));
        HttpPost post = new HttpPost(server.baseUrl() + "/legacy/");
        post.setEntity(new Endless());
        Instant start = Instant.now();

        assertThatThrownBy(() -> exchange(0).send(post, new Deadline(TIMEOUT, Duration.ofMinutes(5))))
                .isInstanceOf(ExchangeTimeoutException.class);

        assertThat(since(start)).isLessThan(TIMEOUT.plus(SLACK));
    }

    @Test
    void retryAfterIsHonouredInSecondsAndAsADateAndCapped() throws Exception {
        server.on("GET", "/x", HostileServer.status(503, "text/plain", "busy", Map.of("Retry-After", "7")));
        exchange(1).send(new HttpGet(server.baseUrl() + "/x"));
        server.close();

        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(TextExchange.retryAfter("Thu, 26 Nov 2026 12:00:45 GMT", now)).isEqualTo(Duration.ofSeconds(45));
        assertThat(TextExchange.retryAfter("Thu, 26 Nov 2026 11:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(TextExchange.retryAfter("soon", now)).isNull();
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.0, d -> {});
        assertThat(policy.delayBefore(1, Duration.ofSeconds(3600))).isEqualTo(RetryPolicy.RETRY_AFTER_CAP);
        assertThat(policy.delayBefore(1, Duration.ofMillis(10))).isEqualTo(Duration.ofSeconds(1));
        // jitter 1.0: the backoff before the first retry is 2 s, the server asked for 7.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(retryLog).singleElement().asString().contains("asked to wait 7 s (Retry-After)");
    }

    @Test
    void theDefaultDeadlinesAreThoseTheReadmeDocuments() {
        assertThat(HttpSettings.defaults("1").exchangeTimeout()).isEqualTo(Duration.ofSeconds(30));
        Deadline upload = Deadline.forUpload(100L * 1024 * 1024, Duration.ofSeconds(30));
        // 100 MiB at 64 KiB/s is 1600 s, plus the two-minute floor; the answer gets 30 s plus 5 s per 100 MiB.
        assertThat(upload.untilSent()).isEqualTo(Duration.ofSeconds(120 + 1600));
        assertThat(upload.afterSent()).isEqualTo(Duration.ofSeconds(35));
        assertThat(Deadline.forUpload(0, Duration.ofSeconds(30)).untilSent()).isEqualTo(Duration.ofMinutes(2));
    }

    /** A request body that never ends: only a deadline can stop sending it. */
    private static final class Endless extends AbstractHttpEntity {
        Endless() {
            super(ContentType.APPLICATION_OCTET_STREAM, null);
        }

        @Override
        public long getContentLength() {
            return Long.MAX_VALUE;
        }

        @Override
        public java.io.InputStream getContent() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            while (true) {
                out.write(chunk);
            }
        }

        @Override
        public boolean isStreaming() {
            return true;
        }

        @Override
        public void close() {}
    }
}
