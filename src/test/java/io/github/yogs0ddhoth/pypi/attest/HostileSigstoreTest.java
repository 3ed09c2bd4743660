package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.IdToken;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fulcio and Rekor as hostile servers: silent, endless, echoing the token, or answering something else. */
class HostileSigstoreTest {
    private HttpServer server;
    private CloseableHttpClient client;
    private final AtomicInteger requests = new AtomicInteger();
    private final SecretMasker masker = new SecretMasker(null);
    private volatile String mode = "silent";
    private String token;

    @BeforeEach
    void start() throws Exception {
        token = SigstoreAttesterTest.gitHubToken("publish.yml", "publish.yml");
        masker.register(token);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", x -> {
            requests.incrementAndGet();
            x.getRequestBody().readAllBytes();
            try (x) {
                switch (mode) {
                    case "silent" -> Thread.sleep(5_000);
                    case "endless" -> {
                        x.getResponseHeaders().add("Content-Type", "application/json");
                        x.sendResponseHeaders(200, 0);
                        OutputStream out = x.getResponseBody();
                        byte[] chunk = "{\"a\":\"".concat("x".repeat(8186)).getBytes(StandardCharsets.UTF_8);
                        for (int i = 0; i < 1024; i++) { // 8 MiB, far past the cap
                            out.write(chunk);
                        }
                    }
                    case "echo" -> {
                        byte[] b = ("{\"code\":16,\"message\":\"bad token " + token + "\"}")
                                .getBytes(StandardCharsets.UTF_8);
                        x.sendResponseHeaders(401, b.length);
                        x.getResponseBody().write(b);
                    }
                    default -> {
                        byte[] b = "{\"signedCertificateEmbeddedSct\":{\"chain\":{\"certificates\":[]}}}"
                                .getBytes(StandardCharsets.UTF_8);
                        x.sendResponseHeaders(200, b.length);
                        x.getResponseBody().write(b);
                    }
                }
            } catch (Exception ignored) {
                // the client hung up, as it should
            }
        });
        server.start();
        client = HttpClientFactory.create(new HttpSettings("hostile", Duration.ofSeconds(2), Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop(0);
    }

    private SigstoreHttp http(int retries) {
        return new SigstoreHttp(new TextExchange(client), Duration.ofMillis(700),
                new RetryPolicy(retries, Duration.ZERO, Duration.ZERO, () -> 0, d -> {}), masker, m -> {});
    }

    private List<X509Certificate> askFulcio(int retries) throws Exception {
        return new FulcioClient("http://127.0.0.1:" + server.getAddress().getPort(), http(retries))
                .signingCertificate(IdToken.parse(token, "test"), EphemeralKey.generate());
    }

    @Test
    void aSilentServerMeetsTheDeadlineOnEveryAttempt() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> askFulcio(1))
                .hasMessageContaining("Fulcio could not be reached")
                .hasMessageContaining("after 2 attempt(s)");

        assertThat(requests).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anEndlessBodyIsCutAtTheCapAndReportedBriefly() {
        mode = "endless";

        assertThatThrownBy(() -> askFulcio(0))
                .hasMessageContaining("not a JSON object")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
    }

    @Test
    void aTokenEchoedInAnErrorIsRedacted() {
        mode = "echo";

        assertThatThrownBy(() -> askFulcio(0))
                .hasMessageContaining("401")
                .hasMessageContaining("bad token ***")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void anEmptyChainIsRefused() {
        mode = "empty-chain";

        assertThatThrownBy(() -> askFulcio(0)).hasMessageContaining("without a certificate chain");
    }
}
