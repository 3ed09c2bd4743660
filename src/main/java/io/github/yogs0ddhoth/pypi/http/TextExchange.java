package io.github.yogs0ddhoth.pypi.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** Sends a request and reads a bounded text body, so that a hostile or broken server cannot exhaust memory. */
public final class TextExchange {
    /** Every JSON or error body we expect is tiny; a few hundred KiB covers an HTML error page. */
    static final int MAX_BODY = 512 * 1024;

    private final CloseableHttpClient client;

    public TextExchange(CloseableHttpClient client) {
        this.client = client;
    }

    public HttpReply send(ClassicHttpRequest request) throws IOException {
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
