package io.github.yogs0ddhoth.pypi.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.client5.http.classic.methods.HttpPost;

/** PyPI's legacy upload API: one multipart POST per file, authenticated as {@code __token__}. */
public final class LegacyUploadClient {
    private final RepositoryUrl repository;
    private final TextExchange http;
    private final ObjectMapper json = new ObjectMapper();

    public LegacyUploadClient(RepositoryUrl repository, TextExchange http) {
        this.repository = repository;
        this.http = http;
    }

    /** Uploads one file; returns normally only on 200, the one status that means the file is stored. */
    public void upload(UploadForm form, String token, ProgressListener progress) throws UploadException {
        HttpPost post = new HttpPost(repository.uri());
        post.setHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8)));
        // Asking for JSON gets the error text in the body; HTTP/2 has no reason phrase to carry it.
        post.setHeader("Accept", "application/json");
        post.setEntity(new MultipartFormEntity(form, progress));
        HttpReply reply;
        try {
            reply = http.send(post);
        } catch (InterruptedIOException e) {
            throw new UploadException("Uploading " + form.filename() + " to " + repository + " timed out: "
                    + e.getMessage() + ". The file may or may not have been stored; re-running is safe, since"
                    + " PyPI accepts an identical re-upload.", 0, null, e);
        } catch (IOException e) {
            throw new UploadException("Uploading " + form.filename() + " to " + repository + " failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ". Check the network or proxy;"
                    + " re-running is safe, since PyPI accepts an identical re-upload.", 0, null, e);
        }
        if (reply.status() == 200) {
            return;
        }
        if (reply.status() >= 300 && reply.status() < 400) {
            throw new UploadException(repository + " answered " + reply.statusLine() + " redirecting to "
                    + reply.location() + ". Uploads are never sent to a redirected URL. If only a trailing slash"
                    + " is missing, set repositoryUrl to " + repository.uri() + "/" + " (PyPI's is"
                    + " https://upload.pypi.org/legacy/); otherwise, if you trust it, set repositoryUrl to "
                    + reply.location() + ".", reply.status(), reply.statusLine(), null);
        }
        String serverMessage = serverMessage(reply);
        StringBuilder m = new StringBuilder("The index refused ").append(form.filename()).append(": ")
                .append(reply.status()).append(" ").append(serverMessage);
        String advice = ServerErrorAdvice.adviceFor(reply.status(), serverMessage);
        if (advice != null) {
            m.append("\n  Fix: ").append(advice);
        }
        throw new UploadException(m.toString(), reply.status(), serverMessage, null);
    }

    /** PyPI's JSON error puts "400 detail" in {@code code}; otherwise the reason phrase carries the message. */
    private String serverMessage(HttpReply reply) {
        if (reply.isJson()) {
            try {
                JsonNode node = json.readTree(reply.body());
                String code = node.path("code").asText("");
                String prefix = reply.status() + " ";
                if (!code.isBlank()) {
                    return code.startsWith(prefix) ? code.substring(prefix.length()).strip() : code.strip();
                }
                String message = node.path("message").asText("");
                if (!message.isBlank()) {
                    return message.strip().replaceAll("\\s*\\n\\s*", " ");
                }
            } catch (IOException e) {
                // fall through to the status line
            }
        }
        if (reply.reason() != null && !reply.reason().isBlank()) {
            return reply.reason();
        }
        String body = reply.body().strip().replaceAll("\\s+", " ");
        return body.isEmpty() ? "(no message)" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
