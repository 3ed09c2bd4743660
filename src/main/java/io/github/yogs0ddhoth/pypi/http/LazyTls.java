package io.github.yogs0ddhoth.pypi.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The client's default TLS, set up on the first {@code https} connection instead of when the client is built.
 * Setting it up loads the JDK's TLS classes and reads its trust store, about 0.3 s in a fresh JVM (measured cold
 * with {@code -Xlog:class+load}); a run whose every endpoint is plain {@code http} (a loopback index) never pays it.
 * Thread-safe: parallel uploads may open their first connections at once, and share one strategy.
 */
final class LazyTls implements TlsSocketStrategy {
    private volatile TlsSocketStrategy delegate;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        TlsSocketStrategy s = delegate;
        if (s == null) {
            synchronized (this) {
                s = delegate;
                if (s == null) {
                    // What the connection manager builds by default: the JDK's trust store, hostname verification.
                    s = DefaultClientTlsStrategy.createDefault();
                    delegate = s;
                }
            }
        }
        return s;
    }

    /** Whether an https connection has set TLS up yet. */
    boolean isSetUp() {
        return delegate != null;
    }

    /** Sets up the default TLS now, as the first https connection would; for a background warm-up. */
    static void warmUp() {
        DefaultClientTlsStrategy.createDefault();
    }
}
