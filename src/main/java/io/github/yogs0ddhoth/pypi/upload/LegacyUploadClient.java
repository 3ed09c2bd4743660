package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.json.Json;
import io.github.yogs0ddhoth.pypi.json.JsonValue;
import io.github.yogs0ddhoth.pypi.http.Deadline;
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

    public LegacyUploadClient(RepositoryUrl repository, TextExchange http) {
        this.repository = repository;
        this.http = http;
    }

    /**
     * Uploads one file; returns normally only on 200, the one status that means the file is stored. The body may
     * take as long as {@link Deadline#forUpload} allows for its size; the answer, once the body is sent, gets the
     * exchange timeout.
     *
     * @throws FileChangedException when the file is no longer the one that was hashed
     * @throws FileUnreadableException when the file cannot be opened or read while it is sent
     */
    public void upload(UploadForm form, String token, ProgressListener progress) throws UploadException {
        long sizeNow = FileChangedException.sizeNow(form.file());
        if (sizeNow != form.size()) {
            throw new FileChangedException(form.filename(), form.file(), form.size(), sizeNow, false);
        }
        HttpPost post = new HttpPost(repository.uri());
        post.setHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8)));
        // Asking for JSON gets the error text in the body; HTTP/2 has no reason phrase to carry it.
        post.setHeader("Accept", "application/json");
        post.setEntity(new MultipartFormEntity(form, progress));
        HttpReply reply;
        try {
            reply = http.send(post, Deadline.forUpload(form.size(), http.exchangeTimeout()));
        } catch (MultipartFormEntity.LocalFileError e) {
            throw e.detail();
        } catch (InterruptedIOException e) {
            throw new UploadException("Uploading " + form.filename() + " to " + repository + " timed out ("
                    + sentence(e.getMessage()) + "). The file may or may not have been stored; re-running is safe,"
                    + " since PyPI accepts an identical re-upload.", 0, null, e);
        } catch (IOException e) {
            throw new UploadException("Uploading " + form.filename() + " to " + repository + " failed: "
                    + e.getClass().getSimpleName() + ": " + sentence(e.getMessage()) + ". Check the network or"
                    + " proxy; re-running is safe, since PyPI accepts an identical re-upload.", 0, null, e);
        }
        if (reply.status() == 200) {
            return;
        }
        if (reply.isRedirect()) {
            throw new UploadException(repository + " answered " + reply.statusLine() + " redirecting to "
                    + reply.location() + ". Uploads are never sent to a redirected URL. " + redirectHint(reply),
                    reply.status(), reply.statusLine(), null);
        }
        String serverMessage = serverMessage(reply);
        StringBuilder m = new StringBuilder("The index refused ").append(form.filename()).append(": ")
                .append(reply.status()).append(" ").append(serverMessage);
        String advice = ServerErrorAdvice.adviceFor(reply.status(), serverMessage);
        if (advice != null) {
            m.append("\n  Fix: ").append(advice);
        }
        throw new UploadException(m.toString(), reply.status(), serverMessage, null, reply.retryAfter());
    }

    /** Only a missing trailing slash is worth suggesting as such; {@code …/legacy//} never is. */
    private String redirectHint(HttpReply reply) {
        String uri = repository.uri().toString();
        String target;
        try {
            target = reply.location() == null ? "" : repository.uri().resolve(reply.location().strip()).toString();
        } catch (IllegalArgumentException e) {
            target = reply.location();
        }
        if (!uri.endsWith("/") && target.equals(uri + "/")) {
            return "Only the trailing slash is missing: set repositoryUrl to " + uri + "/ (PyPI's is"
                    + " https://upload.pypi.org/legacy/).";
        }
        return "Check repositoryUrl (PyPI's is https://upload.pypi.org/legacy/); if you trust the new location, set"
                + " repositoryUrl to " + (target.isEmpty() ? "it" : target) + ".";
    }

    /** An exception message as the middle of a sentence: no trailing full stop, never "null". */
    private static String sentence(String message) {
        String m = message == null || message.isBlank() ? "no detail" : message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    /** PyPI's JSON error puts "400 detail" in {@code code}; otherwise the reason phrase carries the message. */
    private String serverMessage(HttpReply reply) {
        if (reply.isJson()) {
            try {
                JsonValue node = Json.parse(reply.body());
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
