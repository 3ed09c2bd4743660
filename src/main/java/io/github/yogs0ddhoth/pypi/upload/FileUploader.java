package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.upload.IndexLookup.Remote;
import io.github.yogs0ddhoth.pypi.upload.UploadResult.Outcome;
import java.util.Locale;
import java.util.function.Function;

/**
 * Uploads one file so that it ends up on the index exactly once. An answer that leaves the outcome uncertain (no
 * answer, a timeout, 429, 5xx) is settled by looking the file up before posting it again, and "File already
 * exists" is settled by comparing the index's sha256 with ours: identical means done, different is never
 * silently accepted.
 */
public final class FileUploader {
    /** Gives the upload token to use for a file, minting a fresh one when the current one would expire. */
    public interface TokenSource {
        /** @throws UploadException when no usable token can be had; the upload then fails without a retry */
        String tokenFor(UploadForm form) throws UploadException;

        /**
         * The index refused {@code refused}; the next {@link #tokenFor} must not return it. A token already
         * replaced (by another file's upload, on another thread) is left as it is.
         */
        void invalidate(String refused);
    }

    private final LegacyUploadClient client;
    private final IndexLookup lookup;
    private final RetryPolicy retryPolicy;
    private final boolean skipExisting;
    private final PublishLog log;
    private final Function<UploadForm, ProgressListener> progress;

    public FileUploader(LegacyUploadClient client, IndexLookup lookup, RetryPolicy retryPolicy, boolean skipExisting,
            PublishLog log, Function<UploadForm, ProgressListener> progress) {
        this.client = client;
        this.lookup = lookup;
        this.retryPolicy = retryPolicy;
        this.skipExisting = skipExisting;
        this.log = log;
        this.progress = progress;
    }

    /**
     * Uploads one file as one operation: with {@code retries = N}, at most N + 1 posts, and the index lookups that
     * settle an uncertain answer share the same budget (the lookup's {@link IndexLookup} must send each request
     * once, so that it does not retry on its own).
     */
    public UploadResult upload(UploadForm form, TokenSource tokens) {
        boolean tokenRenewed = false;
        Budget budget = new Budget();
        while (true) {
            String token;
            try {
                token = tokens.tokenFor(form);
            } catch (UploadException e) {
                return failed(e.getMessage());
            }
            try {
                client.upload(form, token, progress.apply(form));
                return new UploadResult(Outcome.UPLOADED, "uploaded");
            } catch (UploadException e) {
                String server = e.serverMessage().toLowerCase(Locale.ROOT);
                if (server.startsWith("file already exists")) {
                    return settleExisting(form, e, budget);
                }
                if (server.contains("only one sdist may be uploaded per release")) {
                    return skipExisting
                            ? skipped(form, "the release already has an sdist (" + e.serverMessage() + ")")
                            : failed(e.getMessage() + "\n  Set pypi.skipExisting=true to skip it and continue.");
                }
                if (e.status() == 403 && server.contains("invalid api token") && !tokenRenewed) {
                    log.warn("The index refused the upload token (" + e.serverMessage() + "); minting a new one.");
                    tokens.invalidate(token);
                    tokenRenewed = true;
                    continue;
                }
                if (e.status() == 429 && server.contains("too many new projects")) {
                    // PyPI's limit on creating projects holds for an hour: retrying within the job cannot help.
                    return failed(e.getMessage() + "\n  Not retried: the limit on new projects lasts an hour.");
                }
                if (!e.isUncertain()) {
                    return failed(e.getMessage());
                }
                if (e.status() != 429) {
                    UploadResult settled = settleUncertain(form);
                    if (settled != null) {
                        return settled;
                    }
                }
                if (budget.exhausted()) {
                    return failed(e.getMessage() + "\n  Gave up after " + budget.attempts() + " attempt(s)"
                            + " (pypi.retries=" + retryPolicy.retries() + ").");
                }
                log.warn(describe(e) + "; retrying " + form.filename() + " (" + (budget.used() + 1) + " of "
                        + retryPolicy.retries() + ")");
                budget.pause(e.retryAfter());
            }
        }
    }

    /** The retries one file's upload may still spend. */
    private final class Budget {
        private int used;

        boolean exhausted() {
            return used >= retryPolicy.retries();
        }

        int used() {
            return used;
        }

        int attempts() {
            return used + 1;
        }

        void pause(java.time.Duration retryAfter) {
            used++;
            retryPolicy.pauseBefore(used, retryAfter);
        }
    }

    /** After an answer that proves nothing, the index may already hold the file; re-posting it would be wrong. */
    private UploadResult settleUncertain(UploadForm form) {
        Remote remote = lookup.find(name(form), form.filename());
        if (remote instanceof Remote.Present present) {
            if (present.sha256().equals(sha256(form))) {
                return new UploadResult(Outcome.ALREADY_PRESENT, "the index already has it with the same sha256"
                        + " (the failed attempt had in fact been stored)");
            }
            return differentBytes(form, present.sha256());
        }
        return null;
    }

    private UploadResult settleExisting(UploadForm form, UploadException e, Budget budget) {
        Remote remote = lookup.find(name(form), form.filename());
        while (remote instanceof Remote.Unknown unknown && !budget.exhausted()) {
            log.warn("Could not check whether the index holds " + form.filename() + " (" + unknown.why()
                    + "); retrying (" + (budget.used() + 1) + " of " + retryPolicy.retries() + ")");
            budget.pause(null);
            remote = lookup.find(name(form), form.filename());
        }
        if (remote instanceof Remote.Present present) {
            if (present.sha256().equals(sha256(form))) {
                return new UploadResult(Outcome.ALREADY_PRESENT, "already on the index with the same sha256");
            }
            return differentBytes(form, present.sha256());
        }
        String why;
        if (remote instanceof Remote.Unknown unknown) {
            why = "could not check: " + unknown.why();
        } else if (remote instanceof Remote.NoProject none) {
            // The index has the file, so a check URL that does not even know the project is the wrong one.
            why = "the check URL is probably wrong: " + none.url() + " answered 404 although the index has the"
                    + " file. Set pypi.checkUrl to the simple index of " + form.filename() + "'s index (an origin"
                    + " such as https://pypi.org, or a root such as https://pypi.org/simple/)";
        } else {
            why = lookup.simpleRoot() + " lists the project but not " + form.filename()
                    + ", so the same bytes probably exist under another filename";
        }
        return skipExisting ? skipped(form, e.serverMessage() + " (" + why + ")")
                : failed(e.getMessage() + "\n  " + why + ".");
    }

    private UploadResult differentBytes(UploadForm form, String remoteSha256) {
        String detail = "the index has a different " + form.filename() + ": index sha256 " + remoteSha256
                + ", local sha256 " + sha256(form);
        return skipExisting ? skipped(form, detail)
                : failed(detail + ".\n  A published filename can never be replaced: bump the version and rebuild,"
                        + " or set pypi.skipExisting=true to leave the index's file in place.");
    }

    private UploadResult skipped(UploadForm form, String why) {
        log.warn("Skipping " + form.filename() + " (pypi.skipExisting=true): " + why);
        return new UploadResult(Outcome.SKIPPED, why);
    }

    private static UploadResult failed(String message) {
        return new UploadResult(Outcome.FAILED, message);
    }

    private static String describe(UploadException e) {
        if (e.status() != 0) {
            return "The index answered " + e.status()
                    + (e.retryAfter() == null ? "" : " and asked to wait " + e.retryAfter().toSeconds() + " s");
        }
        Throwable cause = e.getCause();
        return "No answer from the index (" + (cause == null ? "no detail"
                : cause instanceof java.io.InterruptedIOException && cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName()) + ")";
    }

    private static String name(UploadForm form) {
        return form.values("name").get(0);
    }

    private static String sha256(UploadForm form) {
        return form.sha256();
    }
}
