package io.github.yogs0ddhoth.pypi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 server on loopback that misbehaves on purpose, for what WireMock cannot do: trickle an
 * answer a byte at a time, send an endless chunked body, or accept a connection and never answer. It counts the
 * requests it received per method and path, and the body bytes it sent.
 */
public final class HostileServer implements AutoCloseable {
    /** What the server does with one request, once its head has been read. */
    @FunctionalInterface
    public interface Responder {
        void respond(Socket socket, InputStream in, OutputStream out, Map<String, String> headers) throws Exception;
    }

    private record Route(String method, String path, Responder responder) {}

    private final ServerSocket server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong bodyBytesSent = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    private HostileServer(ServerSocket server) {
        this.server = server;
    }

    public static HostileServer start() {
        try {
            HostileServer s = new HostileServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(s::acceptLoop, "hostile-server-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loopback port on which nothing listens, so a connection to it is refused. */
    public static int refusedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code method path} (exact path, without the query) with {@code responder}; the first route wins. */
    public HostileServer on(String method, String path, Responder responder) {
        routes.add(new Route(method, path, responder));
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many requests for {@code method path} arrived (their head was read). */
    public long requests(String method, String path) {
        AtomicLong n = requests.get(method + " " + path);
        return n == null ? 0 : n.get();
    }

    public long connections() {
        return connections.get();
    }

    /** Body bytes written to clients, over all requests; a drained endless body shows here. */
    public long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "hostile-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
            }
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            String path = parts.length > 1 ? parts[1].replaceFirst("\\?.*", "") : "/";
            requests.computeIfAbsent(method + " " + path, k -> new AtomicLong()).incrementAndGet();
            Responder responder = routes.stream().filter(r -> r.method.equals(method) && r.path.equals(path))
                    .map(Route::responder).findFirst().orElse(status(404, "text/plain", "no route"));
            responder.respond(socket, in, out, headers);
        } catch (Exception e) {
            // The client hung up, which is what most tests want it to do.
        } finally {
            open.remove(socket);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads the request body announced by Content-Length. */
    public static void readBody(InputStream in, Map<String, String> headers) throws IOException {
        long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
        in.skipNBytes(length);
    }

    /** A complete, ordinary answer (after reading the request body), then the connection is closed. */
    public static Responder status(int status, String contentType, String body) {
        return status(status, contentType, body, Map.of());
    }

    public static Responder status(int status, String contentType, String body, Map<String, String> extraHeaders) {
        return (socket, in, out, headers) -> {
            readBody(in, headers);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n");
            extraHeaders.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        };
    }

    public static Responder json(String body) {
        return status(200, "application/json", body);
    }

    /** A 200 that promises a large JSON body and sends one byte of it every {@code every}, forever. */
    public Responder trickle(Duration every) {
        return (socket, in, out, headers) -> {
            readBody(in, headers);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (!closed) {
                Thread.sleep(every.toMillis());
                out.write(' ');
                out.flush();
                bodyBytesSent.incrementAndGet();
            }
        };
    }

    /** A 200 with {@code Transfer-Encoding: chunked} whose chunks never end; stops when the client hangs up. */
    public Responder endlessChunked(int status) {
        return (socket, in, out, headers) -> {
            readBody(in, headers);
            out.write(("HTTP/1.1 " + status + " Status\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] crlf = {'\r', '\n'};
            while (!closed) {
                out.write(size);
                out.write(chunk);
                out.write(crlf);
                bodyBytesSent.addAndGet(chunk.length);
            }
        };
    }

    /** Reads the request (or, with {@code readBody} false, not even its body) and then says nothing, ever. */
    public Responder silent(boolean readBody) {
        return (socket, in, out, headers) -> {
            if (!readBody) {
                // Leaves the body in the socket, so a large upload blocks once the buffers are full.
                while (!closed && !socket.isClosed()) {
                    Thread.sleep(50);
                }
                return;
            }
            readBody(in, headers);
            while (!closed && in.read() != -1) {
                // Waits for the client to give up.
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // nothing to do
        }
        for (Socket s : new ArrayList<>(open)) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
