package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.attest.AttestationException;
import io.github.yogs0ddhoth.pypi.attest.ReleaseAttester;
import io.github.yogs0ddhoth.pypi.attest.Statement;
import io.github.yogs0ddhoth.pypi.check.ValidationReport;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.DistributionException;
import io.github.yogs0ddhoth.pypi.distribution.FileDigester;
import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.identity.StoredTokenGuard;
import io.github.yogs0ddhoth.pypi.identity.TokenManager;
import io.github.yogs0ddhoth.pypi.identity.TrustedPublishing;
import io.github.yogs0ddhoth.pypi.report.FileReport;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.report.ReportWriter;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.TransferProgress;
import io.github.yogs0ddhoth.pypi.report.Units;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.upload.FileUploader;
import io.github.yogs0ddhoth.pypi.upload.IndexLookup;
import io.github.yogs0ddhoth.pypi.upload.LegacyUploadClient;
import io.github.yogs0ddhoth.pypi.upload.ParallelUploads;
import io.github.yogs0ddhoth.pypi.upload.Preflight;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import io.github.yogs0ddhoth.pypi.upload.UploadResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * One publish run, step by step: {@link #publish()} is the story of a release, and each step below is one of its
 * sentences. A run is used once. Everything it prints goes through {@code log}, which is the output gate's.
 */
final class ReleaseRun {
    /** A failure, and whether it already wrote its own annotation (identity failures do, where they arise). */
    private record Failure(String message, boolean annotated) {
        static Failure of(String message) {
            return new Failure(message, false);
        }
    }

    /** A step that ends the run early with its report, or lets it go on. */
    private static final class Ended extends Exception {
        final ReleaseReport report;

        Ended(ReleaseReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private final PublishRequest request;
    private final ReleaseAttester.Options attestation;
    private final HttpSettings httpSettings;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final SecretMasker gate;
    private final PublishLog log;
    private final WorkflowCommands commands;
    private final ReportWriter reports;
    private final Instant started;
    private List<UploadForm> forms = List.of();
    private final Map<String, UploadResult> results = new LinkedHashMap<>();
    private Map<String, Long> rekorLogIndexes = Map.of();

    ReleaseRun(PublishRequest request, ReleaseAttester.Options attestation, HttpSettings httpSettings, Clock clock,
            RetryPolicy.Sleeper sleeper, SecretMasker gate, PublishLog log) {
        this.request = request;
        this.attestation = attestation;
        this.httpSettings = httpSettings;
        this.clock = clock;
        this.retryPolicy = RetryPolicy.standard(request.retries(), sleeper);
        this.gate = gate;
        this.log = log;
        this.commands = gate.commands();
        this.reports = new ReportWriter(gate);
        this.started = clock.instant();
    }

    ReleaseReport publish() throws PublishException {
        refuseStoredTokens();
        prepare();
        if (request.dryRun()) {
            return dryRun();
        }
        try (CloseableHttpClient client = HttpClientFactory.create(httpSettings)) {
            TextExchange http = new TextExchange(client, httpSettings.exchangeTimeout(), retryPolicy, log::warn);
            IndexLookup index = IndexLookup.of(request.simpleRoot(), http);
            preflight(http, index);
            ReleaseAttester attester = new ReleaseAttester(attestation, http, retryPolicy, gate, clock, log);
            attester.prepare(request.repository().uri(), () -> request.ci().provider(http, gate));
            TokenManager tokens = proveIdentity(http);
            Map<String, String> signed = sign(attester);
            upload(http, index, tokens, signed);
        } catch (Ended e) {
            return e.report;
        } catch (IdentityException e) {
            return failed(new Failure(e.getMessage(), true));
        } catch (AttestationException e) {
            return failed(Failure.of(e.getMessage()));
        } catch (IOException e) {
            log.debug("Could not close the HTTP client: " + e.getMessage());
        }
        return uploaded();
    }

    /** Before anything else: a long-lived token within reach is what the ADR forbids. */
    private void refuseStoredTokens() throws PublishException {
        try {
            new StoredTokenGuard(gate, log, commands)
                    .check(request.ci(), request.serverIds(), request.failOnStoredToken());
        } catch (IdentityException e) {
            throw new PublishException(e.getMessage(), null);
        }
    }

    /** Find, read and validate every file, order them, and hash them: all before any request. */
    private void prepare() throws PublishException {
        ReleaseInspection.Result inspected;
        try {
            inspected = new ReleaseInspection(log).inspect(request.packagesDirectories(), request.includes(),
                    request.excludes(), Optional.ofNullable(request.expectedVersion()));
        } catch (DistributionException e) {
            throw stop(e.getMessage());
        }
        ValidationReport validation = inspected.validation();
        if (validation.hasErrors()) {
            // Every problem at once, before any CI detection or token request: nothing is half-published.
            throw stop("The release was not published: " + validation.errors().size()
                    + " problem(s) would make the index refuse it. Nothing was uploaded.\n" + validation.render());
        }
        validation.warnings().forEach(w -> log.warn(w.file() == null ? w.message() : w.file() + ": " + w.message()
                + (w.fix() == null || w.fix().isBlank() ? "" : " Fix: " + w.fix())));
        // In upload order already (wheels first, then sdists), as the finder returns them.
        List<Distribution> found = inspected.discovered().distributions();
        FileDigester digester = new FileDigester();
        // Where the index takes the digests after the file, they are computed while it is sent: one read, not two.
        boolean hashWhileSent = request.repository().hashWhileUploading() && !request.dryRun();
        List<UploadForm> hashed = new ArrayList<>();
        for (Distribution dist : found) {
            UploadForm form;
            try {
                form = hashWhileSent ? UploadForm.hashedWhileSent(dist)
                        : UploadForm.of(dist, digester.digest(dist.path()));
            } catch (IOException e) {
                throw stop("Could not read " + dist.path() + ": " + e.getMessage());
            }
            hashed.add(form);
            log.info("  " + dist.filename() + "  " + Units.bytes(form.size()) + "  " + dist.type().filetype()
                    + "  pyversion " + dist.pyversion() + (hashWhileSent ? "  (hashed while it is uploaded)"
                    : "  sha256 " + form.sha256()));
            log.debug("    " + (hashWhileSent ? "" : "blake2_256 " + form.blake2b256() + "; ") + "form fields: "
                    + describe(form));
        }
        forms = List.copyOf(hashed);
    }

    /** A failure before any request: reported like every other, then thrown. */
    private PublishException stop(String message) {
        report(Failure.of(message));
        return new PublishException(message, null);
    }

    /**
     * Reports what would be published. On a CI, it also fetches an ID token and checks its claims against the
     * declared publisher, without spending the token on an exchange; elsewhere it needs no credentials at all.
     */
    private ReleaseReport dryRun() throws PublishException {
        forms.forEach(f -> results.put(f.filename(), new UploadResult(UploadResult.Outcome.WOULD_UPLOAD,
                "would upload")));
        String identityNote = "no token was requested (no CI detected)";
        try (CloseableHttpClient client = HttpClientFactory.create(httpSettings)) {
            TextExchange http = new TextExchange(client, httpSettings.exchangeTimeout(), retryPolicy, log::warn);
            if (request.ci().isSupported()) {
                new TrustedPublishing(request.ci(), http, gate, commands, log, clock)
                        .verify(request.repository().origin(), project(), request.publisher());
                identityNote = "the ID token's claims were checked, but no upload token was minted";
            }
        } catch (IdentityException e) {
            report(new Failure(e.getMessage(), true));
            throw new PublishException(e.getMessage(), null);
        } catch (IOException e) {
            log.debug("Could not close the HTTP client: " + e.getMessage());
        }
        ReleaseReport report = report(null);
        log.info("Dry run: " + forms.size() + " file(s) of " + release() + " would be published to "
                + request.repository() + "; " + identityNote + "; " + new ReleaseAttester(attestation, null, null,
                gate, clock, log).dryRunNote(request.repository().uri()) + ". Nothing was uploaded.");
        return report;
    }

    /**
     * One lookup of the release on the index before the first upload. Off a CI it is skipped: the identity step
     * fails at once there, and asking the index first would only add noise.
     *
     * @throws Ended when the index would refuse a file (nothing is sent) or already has every file
     */
    private void preflight(TextExchange http, IndexLookup index) throws Ended, PublishException {
        if (!request.ci().isSupported()) {
            return;
        }
        if (index.isOff()) {
            log.info("Not asking the index which files it already has (pypi.checkUrl=none).");
            return;
        }
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
            results.putAll(settled);
            results.putAll(refused);
            StringBuilder m = new StringBuilder();
            refused.forEach((file, r) -> m.append("\n  ").append(file).append(": ").append(r.message()));
            String error = "The release was not published: the index would refuse " + refused.size() + " of its "
                    + forms.size() + " file(s). Nothing was uploaded." + m;
            ReleaseReport report = report(Failure.of(error));
            throw new PublishException(describeFailure(report, error), null);
        }
        log.info("Asked " + index.simpleRoot() + ": " + (candidates.size() - settled.size())
                + " file(s) to upload, " + settled.size() + " settled already.");
        settled.forEach((file, r) -> {
            results.put(file, r);
            if (r.outcome() == UploadResult.Outcome.SKIPPED) {
                log.warn("Skipped " + file + " (pypi.skipExisting=true): " + r.message());
            } else {
                log.info("Already on the index: " + file + " (" + r.message() + ")");
            }
        });
        if (settled.size() == forms.size()) {
            ReleaseReport report = report(null);
            log.info("Nothing to upload: the index already has every file of " + release() + " (no upload token"
                    + " was requested). View at: " + report.releaseUrl());
            throw new Ended(report);
        }
    }

    /** The OIDC exchange: the CI's ID token, checked against the declared publisher, for an upload token. */
    private TokenManager proveIdentity(TextExchange http) throws IdentityException {
        return new TrustedPublishing(request.ci(), http, gate, commands, log, clock)
                .uploadTokens(request.repository().origin(), project(), request.publisher());
    }

    /** A PEP 740 attestation for each file still to upload, all before the first upload. */
    private Map<String, String> sign(ReleaseAttester attester) throws AttestationException {
        List<UploadForm> toSend = toSend();
        Map<String, String> signed = attester.attestPrepared(
                toSend.stream().map(f -> new Statement(f.filename(), f.sha256())).toList(),
                name -> toSend.stream().filter(f -> f.filename().equals(name)).map(UploadForm::file)
                        .findFirst().orElse(null));
        rekorLogIndexes = attester.rekorLogIndexes();
        return signed;
    }

    private void upload(TextExchange http, IndexLookup index, TokenManager tokens, Map<String, String> signed) {
        FileUploader uploader = new FileUploader(new LegacyUploadClient(request.repository(), http),
                // The upload owns the retries of its lookups: each is sent once.
                new IndexLookup(index.isOff() ? null : index.simpleRoot(), http.singleAttempt()), retryPolicy,
                request.skipExisting(), log,
                form -> new TransferProgress(log, clock, form.filename())::sent);
        List<UploadForm> toSend = toSend();
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
                results.put(toSend.get(i).filename(), sent.get(i));
            }
        }
    }

    /** The files the preflight left to send, in upload order. */
    private List<UploadForm> toSend() {
        return forms.stream().filter(f -> !results.containsKey(f.filename())).toList();
    }

    /** The end of a run that reached the uploads: published, or the first file that failed. */
    private ReleaseReport uploaded() throws PublishException {
        Optional<String> error = results.values().stream().filter(r -> !r.isDone()).map(UploadResult::message)
                .findFirst();
        if (error.isPresent()) {
            return failed(Failure.of(error.get()));
        }
        ReleaseReport report = report(null);
        long settled = results.values().stream().filter(r -> r.outcome() != UploadResult.Outcome.UPLOADED).count();
        log.info("Published " + forms.size() + " file(s) of " + release()
                + (settled == 0 ? "" : " (" + settled + " already on the index or skipped)")
                + ". View at: " + report.releaseUrl());
        return report;
    }

    private ReleaseReport failed(Failure failure) throws PublishException {
        ReleaseReport report = report(failure);
        throw new PublishException(describeFailure(report, failure.message()), null);
    }

    /** The final table, report.json, the job summary and outputs, and the failure's annotation. */
    private ReleaseReport report(Failure failure) {
        List<FileReport> files = new ArrayList<>();
        for (UploadForm f : forms) {
            UploadResult r = results.get(f.filename());

            files.add(new FileReport(f.filename(), f.size(), f.sha256(), f.blake2b256(),
                    r == null ? "not attempted" : r.outcome().label(), r == null ? "" : r.message(),
                    rekorLogIndexes.get(f.filename())));
        }
        String name = forms.isEmpty() ? null : forms.get(0).name();
        String version = forms.isEmpty() ? null : forms.get(0).version();
        String error = failure == null ? null : failure.message();
        ReleaseReport report = new ReleaseReport(request.repository().toString(), name, version,
                name == null ? null : request.repository().projectPageUrl(name, version),
                ReleaseReport.statusOf(files, request.dryRun(), error != null), error, files, started,
                clock.instant());
        if (!files.isEmpty()) {
            log.info("");
            log.info(reports.table(report));
        }
        request.ci().unusableFiles().forEach(log::warn);
        reports.writeAll(report, request.reportFile(), request.ci().jobSummary(), request.ci().stepOutputs(), log);
        if (commands != null && failure != null && !failure.annotated()) {
            commands.error("PyPI publishing failed", error);
        }
        return report;
    }

    private static String describeFailure(ReleaseReport report, String error) {
        StringBuilder m = new StringBuilder(error);
        if (report.files().isEmpty()) {
            return m.toString();
        }
        List<String> on = report.files().stream().filter(FileReport::isOnIndex).map(FileReport::filename).toList();
        List<String> off = report.files().stream().filter(f -> !f.isOnIndex()).map(FileReport::filename).toList();
        m.append("\nOn the index: ").append(on.isEmpty() ? "none" : String.join(", ", on));
        m.append("\nNot on the index: ").append(off.isEmpty() ? "none" : String.join(", ", off));
        if (!on.isEmpty()) {
            m.append("\nFix the cause and run the build again: files already on the index with the same bytes are"
                    + " recognised and not uploaded twice.");
        }
        return m.toString();
    }

    /** The form without the description's text, which can be pages long. */
    private static String describe(UploadForm form) {
        return form.fields().stream()
                .map(f -> f.name() + "=" + (f.name().equals("description")
                        ? "<" + f.value().length() + " characters>" : f.value()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** The metadata name of the release, for links to its publisher settings; null when nothing was found. */
    private String project() {
        return forms.isEmpty() ? null : forms.get(0).name();
    }

    private String release() {
        return forms.stream().map(f -> f.name() + " " + f.version()).distinct().reduce((a, b) -> a + ", " + b)
                .orElse("nothing");
    }
}
