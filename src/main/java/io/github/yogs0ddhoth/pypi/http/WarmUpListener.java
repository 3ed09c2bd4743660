package io.github.yogs0ddhoth.pypi.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A listener on the loopback interface that answers one HTTP request with a fixed 404, so that {@link Preload} can
 * walk the HTTP client's whole request and response path (connection pool, exchange chain, message parser, entity)
 * once before the run's first real request needs it. It never leaves this JVM's host, takes no input beyond the
 * request head (8 KiB at most), and closes after the one exchange or after two seconds.
 */
final class WarmUpListener implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 2000;
    private static final int MAX_HEAD = 8 * 1024;
    private static final byte[] ANSWER = ("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;

    private WarmUpListener(ServerSocket socket) {
        this.socket = socket;
    }

    static WarmUpListener start() throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        WarmUpListener listener = new WarmUpListener(socket);
        Thread t = new Thread(listener::answerOnce, "pypi-preload-listener");
        t.setDaemon(true);
        t.start();
        return listener;
    }

    String url() {
        return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + "/warm-up";
    }

    private void answerOnce() {
        try (Socket s = socket.accept()) {
            s.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = s.getInputStream();
            // Reads the request head up to its blank line; a GET has no body.
            int matched = 0;
            for (int n = 0; n < MAX_HEAD && matched < 4; n++) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            }
            OutputStream out = s.getOutputStream();
            out.write(ANSWER);
            out.flush();
        } catch (IOException e) {
            // Nothing came, or it went away: the warm-up was only ever a head start.
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
