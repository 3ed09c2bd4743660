package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.TokenManager;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.TransferProgress;
import io.github.yogs0ddhoth.pypi.report.Units;
import io.github.yogs0ddhoth.pypi.upload.FileUploader;
import io.github.yogs0ddhoth.pypi.upload.IndexLookup;
import io.github.yogs0ddhoth.pypi.upload.LegacyUploadClient;
import io.github.yogs0ddhoth.pypi.upload.ParallelUploads;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import io.github.yogs0ddhoth.pypi.upload.UploadResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The uploads: each file the preflight left, with its attestations, {@code pypi.parallelUploads} at a time (wheels
 * first, the sdist after every wheel), each recorded in the ledger as it ended. The first failure stops new starts.
 */
final class UploadStep {
    private final PublishRequest request;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final PublishLog log;
    private final ReleaseLedger ledger;

    UploadStep(PublishRequest request, RetryPolicy retryPolicy, Clock clock, PublishLog log, ReleaseLedger ledger) {
        this.request = request;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.log = log;
        this.ledger = ledger;
    }

    /** @param signed each file's attestations (JSON), by file name; a file without any is uploaded without */
    void run(TextExchange http, IndexLookup index, TokenManager tokens, Map<String, String> signed) {
        FileUploader uploader = new FileUploader(new LegacyUploadClient(request.repository(), http),
                // The upload owns the retries of its lookups: each is sent once.
                new IndexLookup(index.isOff() ? null : index.simpleRoot(), http.singleAttempt()), retryPolicy,
                request.skipExisting(), log,
                form -> new TransferProgress(log, clock, form.filename())::sent);
        List<UploadForm> toSend = ledger.toSend();
        List<UploadResult> sent = new ParallelUploads(request.parallelUploads()).run(toSend, form -> {
            log.info("Uploading " + form.filename() + " (" + Units.bytes(form.size()) + ")");
            Instant start = clock.instant();
            String attestations = signed.get(form.filename());
            UploadResult result = uploader.upload(attestations == null ? form : form.withAttestations(attestations),
                    tokens);
            Duration took = Duration.between(start, clock.instant());
            switch (result.outcome()) {
                case UPLOADED -> {
                    tokens.recordUpload(form.size(), took);
                    log.info("Uploaded " + form.filename() + " in " + Units.seconds(took) + " ("
                            + Units.rate(form.size(), took) + "), sha256 " + form.sha256());
                }
                case ALREADY_PRESENT -> log.info("Already on the index: " + form.filename() + " ("
                        + result.message() + ")");
                case SKIPPED -> log.warn("Skipped " + form.filename() + ": " + result.message());
                case FAILED -> log.error("Failed to upload " + form.filename());
                case WOULD_UPLOAD -> { }
            }
            return result;
        });
        for (int i = 0; i < toSend.size(); i++) {
            if (sent.get(i) != null) {
                ledger.record(toSend.get(i).filename(), sent.get(i));
            }
        }
    }
}
