package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.upload.IndexLookup;
import io.github.yogs0ddhoth.pypi.upload.Preflight;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import io.github.yogs0ddhoth.pypi.upload.UploadResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lookup of the release on the index before the first upload: files already there are settled, and a file the
 * index would refuse stops the release before anything is sent. Off a CI it is skipped: the identity step fails at
 * once there, and asking the index first would only add noise.
 */
final class PreflightStep {
    private final PublishRequest request;
    private final Clock clock;
    private final PublishLog log;
    private final ReleaseLedger ledger;

    PreflightStep(PublishRequest request, Clock clock, PublishLog log, ReleaseLedger ledger) {
        this.request = request;
        this.clock = clock;
        this.log = log;
        this.ledger = ledger;
    }

    /**
     * @throws ReleaseLedger.Ended when the index already has every file
     * @throws PublishException    when the index would refuse a file (nothing is sent)
     */
    void run(IndexLookup index) throws ReleaseLedger.Ended, PublishException {
        if (!request.ci().isSupported()) {
            return;
        }
        if (index.isOff()) {
            log.info("Not asking the index which files it already has (pypi.checkUrl=none).");
            return;
        }
        List<UploadForm> forms = ledger.forms();
        List<Preflight.Candidate> candidates = forms.stream().map(f -> new Preflight.Candidate(f.filename(),
                f.name(), f.version(), f.isSdist(), f::sha256)).toList();
        String host = request.repository().uri().getHost();
        boolean warehouse = "upload.pypi.org".equals(host) || "test.pypi.org".equals(host);
        Preflight.Result result = new Preflight(index, request.skipExisting(), warehouse, clock).judge(candidates);
        result.warning().ifPresent(log::warn);
        Map<String, UploadResult> settled = new LinkedHashMap<>();
        Map<String, UploadResult> refused = new LinkedHashMap<>();
        for (Preflight.Decision d : result.decisions()) {
            switch (d.verdict()) {
                case ALREADY_PRESENT -> settled.put(d.file().filename(),
                        new UploadResult(UploadResult.Outcome.ALREADY_PRESENT, d.reason()));
                case SKIP -> settled.put(d.file().filename(), new UploadResult(UploadResult.Outcome.SKIPPED,
                        d.reason()));
                case REFUSED -> refused.put(d.file().filename(), new UploadResult(UploadResult.Outcome.FAILED,
                        d.reason()));
                case UPLOAD -> { }
            }
        }
        if (!refused.isEmpty()) {
            settled.forEach(ledger::record);
            refused.forEach(ledger::record);
            StringBuilder m = new StringBuilder();
            refused.forEach((file, r) -> m.append("\n  ").append(file).append(": ").append(r.message()));
            throw ledger.failed("The release was not published: the index would refuse " + refused.size()
                    + " of its " + forms.size() + " file(s). Nothing was uploaded." + m, false);
        }
        log.info("Asked " + index.simpleRoot() + ": " + (candidates.size() - settled.size())
                + " file(s) to upload, " + settled.size() + " settled already.");
        settled.forEach((file, r) -> {
            ledger.record(file, r);
            if (r.outcome() == UploadResult.Outcome.SKIPPED) {
                log.warn("Skipped " + file + " (pypi.skipExisting=true): " + r.message());
            } else {
                log.info("Already on the index: " + file + " (" + r.message() + ")");
            }
        });
        if (settled.size() == forms.size()) {
            ReleaseReport report = ledger.report();
            log.info("Nothing to upload: the index already has every file of " + ledger.release() + " (no upload"
                    + " token was requested). View at: " + report.releaseUrl());
            throw new ReleaseLedger.Ended(report);
        }
    }
}
