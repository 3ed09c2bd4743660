package io.github.yogs0ddhoth.pypi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

class WarmUpListenerTest {
    @Test
    void answersOneGetWithAFixed404OnLoopbackThenCloses() throws IOException {
        try (CloseableHttpClient client = HttpClientFactory.create(HttpSettings.defaults("test"));
                WarmUpListener listener = WarmUpListener.start()) {
            URI url = URI.create(listener.url());
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            HttpReply reply = new TextExchange(client).singleAttempt().send(new HttpGet(url));
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).isEqualTo("{}");
            assertThat(reply.isJson()).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (canConnect(url) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(canConnect(url)).as("the listener closes after its one answer").isFalse();
        }
    }

    @Test
    void aConnectionThatSendsNothingIsDroppedAfterTheTimeout() throws Exception {
        try (WarmUpListener listener = WarmUpListener.start()) {
            URI url = URI.create(listener.url());
            try (Socket idle = new Socket(url.getHost(), url.getPort())) {
                idle.setSoTimeout(5000);
                long t0 = System.nanoTime();
                assertThat(idle.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            }
            // The answer socket closes a moment before the listening one: wait for the second, within a bound.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (canConnect(url) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
                    .as("the listener closes after the idle connection is dropped")
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void thePreloadReturnsWithoutTls() {
        long t0 = System.nanoTime();
        Preload.load(false, false);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    private static boolean canConnect(URI url) {
        try (Socket s = new Socket(url.getHost(), url.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
