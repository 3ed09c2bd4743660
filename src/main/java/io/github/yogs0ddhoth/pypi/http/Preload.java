package io.github.yogs0ddhoth.pypi.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yogs0ddhoth.pypi.json.Json;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Loads, on a daemon thread, the libraries a publish needs only after it has found and validated the files:
 * the HTTP client and the JDK's TLS (its trust store above all), the plugin's JSON reader and writer, and databind
 * where the run will sign. In a fresh Maven JVM they cost several hundred milliseconds of class loading and
 * initialisation (measured with {@code -Xlog:class+load}: some 1,000 classes), which would otherwise sit on the
 * build's critical path; loaded beside the discovery and validation, that time is spent on the other core.
 * The client's request and response path is walked once with a GET to a {@link WarmUpListener} on the loopback
 * interface inside this JVM, so the preflight's first request does not load it. Nothing here is kept, logged or
 * sent anywhere else: the run builds its own client, and a failure here only means the run loads the same classes
 * itself.
 */
public final class Preload {
    private Preload() {}

    /**
     * @param tls whether to set up TLS as well: false only where the index is plain http (a loopback index), where
     *     the client may never need it (it sets TLS up on its first https connection)
     * @param signing whether the run may make attestations, whose Sigstore exchanges use databind
     */
    public static void inBackground(boolean tls, boolean signing) {
        Thread t = new Thread(() -> load(tls, signing), "pypi-preload");
        t.setDaemon(true);
        // Below the build's own threads: this work is only ever ahead of need.
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void load(boolean tls, boolean signing) {
        try {
            try (CloseableHttpClient client = HttpClientFactory.create(HttpSettings.defaults("preload"));
                    WarmUpListener listener = WarmUpListener.start()) {
                // No proxy (the defaults choose none): the request goes to this JVM's own loopback listener.
                new TextExchange(client).singleAttempt().send(new HttpGet(listener.url()));
            }
            Json.parse(Json.object("files", "x")).path("files").asText();
            if (tls) {
                LazyTls.warmUp();
            }
            if (signing) {
                new ObjectMapper().readTree("{\"a\":[1,\"b\",true]}");
            }
        } catch (Exception | LinkageError e) {
            // Whatever went wrong will show, with its context, when the run itself gets there.
        }
    }
}
