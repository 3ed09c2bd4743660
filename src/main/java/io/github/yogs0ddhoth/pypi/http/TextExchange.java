package io.github.yogs0ddhoth.pypi.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Sends a request within a {@link Deadline} and reads a bounded text body, so that a hostile or broken server can
 * neither exhaust memory nor hold the build: when the deadline passes, or the body outgrows its cap, the connection
 * is closed, never drained.
 *
 * <p>{@link #send(ClassicHttpRequest)} retries a GET on transport errors, 429 and 5xx, as one operation with the
 * exchange's {@link RetryPolicy}: a GET changes nothing on the server, so trying again is always safe. Other methods
 * are sent once. A caller that owns the retries of a larger operation sends through {@link #singleAttempt()}, so
 * that the attempts are not multiplied.
 */
public final class TextExchange {
    /** Every JSON or error body we expect is tiny; a few hundred KiB covers an HTML error page. */
    static final int MAX_BODY = 512 * 1024;

    private final CloseableHttpClient client;
    private final Duration exchangeTimeout;
    private final RetryPolicy retryPolicy;
    private final Consumer<String> retryLog;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;

    /** Sends each request once, within {@link HttpSettings#DEFAULT_EXCHANGE_TIMEOUT}. */
    public TextExchange(CloseableHttpClient client) {
        this(client, HttpSettings.DEFAULT_EXCHANGE_TIMEOUT, RetryPolicy.none(), message -> {});
    }

    /** @param retryLog told, in a sentence, about each retry */
    public TextExchange(CloseableHttpClient client, RetryPolicy retryPolicy, Consumer<String> retryLog) {
        this(client, HttpSettings.DEFAULT_EXCHANGE_TIMEOUT, retryPolicy, retryLog);
    }

    /** @param exchangeTimeout the deadline of one attempt at a small exchange */
    public TextExchange(CloseableHttpClient client, Duration exchangeTimeout, RetryPolicy retryPolicy,
            Consumer<String> retryLog) {
        this(client, exchangeTimeout, retryPolicy, retryLog, Clock.systemUTC(), newTimer());
    }

    private TextExchange(CloseableHttpClient client, Duration exchangeTimeout, RetryPolicy retryPolicy,
            Consumer<String> retryLog, Clock clock, ScheduledThreadPoolExecutor timer) {
        this.client = client;
        this.exchangeTimeout = Deadline.of(exchangeTimeout).untilSent();
        this.retryPolicy = retryPolicy;
        this.retryLog = retryLog;
        this.clock = clock;
        this.timer = timer;
    }

    /** One daemon thread at most, and none while idle, so nobody has to shut it down. */
    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pypi-http-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration exchangeTimeout() {
        return exchangeTimeout;
    }

    /** The same client and deadlines, sending every request exactly once: for the owner of an operation's retries. */
    public TextExchange singleAttempt() {
        return retryPolicy.retries() == 0 ? this
                : new TextExchange(client, exchangeTimeout, retryPolicy.withoutRetries(), retryLog, clock, timer);
    }

    /** Sends a small exchange; a GET is retried as described above, each attempt within the exchange timeout. */
    public HttpReply send(ClassicHttpRequest request) throws IOException {
        Deadline deadline = Deadline.of(exchangeTimeout);
        int retries = "GET".equalsIgnoreCase(request.getMethod()) ? retryPolicy.retries() : 0;
        for (int attempt = 0; ; attempt++) {
            try {
                HttpReply reply = send(request, deadline);
                if (attempt < retries && RetryPolicy.isRetryableStatus(reply.status())) {
                    retryLog.accept(request.getMethod() + " " + where(request) + " answered " + reply.statusLine()
                            + asked(reply) + "; retrying (" + (attempt + 1) + " of " + retries + ")");
                    retryPolicy.pauseBefore(attempt + 1, reply.retryAfter());
                    continue;
                }
                return reply;
            } catch (IOException e) {
                if (attempt >= retries) {
                    throw e;
                }
                retryLog.accept(request.getMethod() + " " + where(request) + " failed (" + describe(e)
                        + "); retrying (" + (attempt + 1) + " of " + retries + ")");
                retryPolicy.pauseBefore(attempt + 1);
            }
        }
    }

    /**
     * Sends the request once within {@code deadline}.
     *
     * @throws ExchangeTimeoutException when the deadline passed; the connection was closed
     * @throws IOException              when the request failed otherwise
     */
    public HttpReply send(ClassicHttpRequest request, Deadline deadline) throws IOException {
        if (!(request instanceof HttpUriRequestBase abortable)) {
            throw new IllegalArgumentException("only HttpGet, HttpPost and their kin can be aborted at a deadline");
        }
        // A request retried after a deadline was cancelled by it; each attempt starts afresh.
        abortable.reset();
        HttpEntity body = request.getEntity();
        Watchdog watchdog = new Watchdog(abortable, where(request));
        if (body != null && deadline.afterSent() != null) {
            request.setEntity(new SentSignal(body, () -> watchdog.arm(deadline.afterSent(), true)));
        }
        watchdog.arm(deadline.untilSent(), false);
        try {
            return exchange(abortable);
        } catch (IOException e) {
            ExchangeTimeoutException timeout = watchdog.timeout();
            if (timeout != null) {
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            watchdog.disarm();
            request.setEntity(body);
        }
    }

    private HttpReply exchange(HttpUriRequestBase request) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        boolean abandoned = false;
        try {
            HttpEntity entity = response.getEntity();
            String body = "";
            if (entity != null) {
                Bounded read = readBounded(entity);
                body = read.text();
                if (read.truncated()) {
                    // Closing the stream would read the rest of the body, which may never end.
                    request.cancel();
                    abandoned = true;
                }
            }
            Map<String, String> headers = new HashMap<>();
            for (Header h : response.getHeaders()) {
                headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            return new HttpReply(response.getCode(), response.getReasonPhrase(),
                    entity == null ? null : entity.getContentType(), body, headers.get("location"),
                    retryAfter(headers.get("retry-after"), clock.instant()), headers);
        } finally {
            try {
                response.close();
            } catch (IOException e) {
                if (!abandoned) {
                    throw e;
                }
                // An abandoned connection complains when closed; it is gone either way.
            }
        }
    }

    private record Bounded(String text, boolean truncated) {}

    private static Bounded readBounded(HttpEntity entity) throws IOException {
        InputStream in = entity.getContent();
        if (in == null) {
            return new Bounded("", false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            int room = MAX_BODY - out.size();
            if (n > room) {
                out.write(buffer, 0, room);
                return new Bounded(out.toString(StandardCharsets.UTF_8), true);
            }
            out.write(buffer, 0, n);
        }
        in.close();
        return new Bounded(out.toString(StandardCharsets.UTF_8), false);
    }

    /**
     * {@code Retry-After} as a delay: delta-seconds or an HTTP date (RFC 9110 section 10.2.3); null when absent or
     * unreadable. The cap is applied where the wait happens ({@link RetryPolicy#delayBefore(int, Duration)}).
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String asked(HttpReply reply) {
        return reply.retryAfter() == null ? ""
                : " and asked to wait " + reply.retryAfter().toSeconds() + " s (Retry-After)";
    }

    private static String describe(IOException e) {
        return e instanceof ExchangeTimeoutException ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The URL without credentials or query, which may carry what nobody needs to read in a log. */
    static String where(ClassicHttpRequest request) {
        try {
            URI uri = request.getUri();
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + uri.getRawPath();
        } catch (URISyntaxException e) {
            String raw = request.getRequestUri();
            int q = raw.indexOf('?');
            return q < 0 ? raw : raw.substring(0, q);
        }
    }

    /**
     * Aborts the request when its time is up. Once disarmed it can no longer fire, so a late timer can never abort
     * the next attempt of the same request.
     */
    private final class Watchdog {
        private final HttpUriRequestBase request;
        private final String where;
        private ScheduledFuture<?> task;
        private boolean disarmed;
        private ExchangeTimeoutException fired;

        Watchdog(HttpUriRequestBase request, String where) {
            this.request = request;
            this.where = where;
        }

        synchronized void arm(Duration limit, boolean bodySent) {
            if (disarmed || fired != null) {
                return;
            }
            if (task != null) {
                task.cancel(false);
            }
            task = timer.schedule(() -> fire(limit, bodySent), limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void fire(Duration limit, boolean bodySent) {
            if (disarmed) {
                return;
            }
            String seconds = ExchangeTimeoutException.seconds(limit);
            fired = new ExchangeTimeoutException(bodySent
                    ? request.getMethod() + " " + where + ": the body was sent, but no complete answer came within "
                            + seconds
                    : request.getMethod() + " " + where + ": no complete "
                            + (request.getEntity() instanceof SentSignal ? "exchange" : "answer") + " within "
                            + seconds + "; the connection was closed", limit);
            request.cancel();
        }

        synchronized void disarm() {
            disarmed = true;
            if (task != null) {
                task.cancel(false);
            }
        }

        synchronized ExchangeTimeoutException timeout() {
            return fired;
        }
    }

    /** Tells when the request body has been written, so that the answer gets a deadline of its own. */
    private static final class SentSignal extends HttpEntityWrapper {
        private final Runnable sent;

        SentSignal(HttpEntity body, Runnable sent) {
            super(body);
            this.sent = sent;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            super.writeTo(out);
            sent.run();
        }
    }
}
