package io.github.yogs0ddhoth.pypi.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Loads, on a daemon thread, the libraries a publish needs only after it has found, validated and hashed the files:
 * Jackson, the HTTP client and the JDK's TLS (its trust store above all). In a fresh Maven JVM they cost about
 * 0.6 s of class loading and initialisation (measured with {@code -Xlog:class+load}: some 1,300 classes), which
 * would otherwise sit on the build's critical path; loaded beside the discovery and hashing, that time is spent
 * on the other core. Nothing here is kept, logged or sent: the run builds its own client, and a failure here only
 * means the run loads the same classes itself.
 */
public final class Preload {
    private Preload() {}

    /**
     * @param tls whether to set up TLS as well: false only where the index is plain http (a loopback index), where
     *     the client may never need it (it sets TLS up on its first https connection)
     */
    public static void inBackground(boolean tls) {
        Thread t = new Thread(() -> load(tls), "pypi-preload");
        t.setDaemon(true);
        // Below the build's own threads: this work is only ever ahead of need.
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void load(boolean tls) {
        try {
            ObjectMapper json = new ObjectMapper();
            json.readTree("{\"files\":[{\"filename\":\"x\",\"hashes\":{\"sha256\":\"0\"}}],\"n\":1,\"b\":true}");
            json.writeValueAsString(Map.of("files", List.of(Map.of("size", 1L, "ok", true))));
            HttpClientFactory.create(HttpSettings.defaults("preload")).close();
            if (tls) {
                LazyTls.warmUp();
            }
        } catch (Exception | LinkageError e) {
            // Whatever went wrong will show, with its context, when the run itself gets there.
        }
    }
}
