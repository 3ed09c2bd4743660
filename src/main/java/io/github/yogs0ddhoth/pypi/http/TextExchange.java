package io.github.yogs0ddhoth.pypi.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Sends a request and reads a bounded text body, so that a hostile or broken server cannot exhaust memory.
 * GET requests are retried on transport errors, 429 and 5xx: they change nothing on the server, so trying again
 * is always safe. Other methods are sent once; their callers decide what a retry means.
 */
public final class TextExchange {
    /** Every JSON or error body we expect is tiny; a few hundred KiB covers an HTML error page. */
    static final int MAX_BODY = 512 * 1024;

    private final CloseableHttpClient client;
    private final RetryPolicy retryPolicy;
    private final Consumer<String> retryLog;

    public TextExchange(CloseableHttpClient client) {
        this(client, RetryPolicy.none(), message -> {});
    }

    /** @param retryLog told, in a sentence, about each retry */
    public TextExchange(CloseableHttpClient client, RetryPolicy retryPolicy, Consumer<String> retryLog) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.retryLog = retryLog;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public HttpReply send(ClassicHttpRequest request) throws IOException {
        boolean idempotent = "GET".equalsIgnoreCase(request.getMethod());
        int retries = idempotent ? retryPolicy.retries() : 0;
        for (int attempt = 0; ; attempt++) {
            try {
                HttpReply reply = sendOnce(request);
                if (attempt < retries && RetryPolicy.isRetryableStatus(reply.status())) {
                    retryLog.accept(request.getMethod() + " " + where(request) + " answered " + reply.statusLine()
                            + "; retrying (" + (attempt + 1) + " of " + retries + ")");
                    retryPolicy.pauseBefore(attempt + 1);
                    continue;
                }
                return reply;
            } catch (IOException e) {
                if (attempt >= retries) {
                    throw e;
                }
                retryLog.accept(request.getMethod() + " " + where(request) + " failed (" + e.getClass().getSimpleName()
                        + "); retrying (" + (attempt + 1) + " of " + retries + ")");
                retryPolicy.pauseBefore(attempt + 1);
            }
        }
    }

    /** The URL without its query, which may carry parameters nobody needs to read in a log. */
    private static String where(ClassicHttpRequest request) {
        try {
            java.net.URI uri = request.getUri();
            return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        } catch (java.net.URISyntaxException e) {
            return request.getRequestUri();
        }
    }

    private HttpReply sendOnce(ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> {
            HttpEntity entity = response.getEntity();
            String body = entity == null ? "" : readBounded(entity);
            Header location = response.getFirstHeader("Location");
            return new HttpReply(response.getCode(), response.getReasonPhrase(),
                    entity == null ? null : entity.getContentType(), body,
                    location == null ? null : location.getValue());
        });
    }

    private static String readBounded(HttpEntity entity) throws IOException {
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return "";
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                int room = MAX_BODY - out.size();
                if (room <= 0) {
                    break;
                }
                out.write(buffer, 0, Math.min(n, room));
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
