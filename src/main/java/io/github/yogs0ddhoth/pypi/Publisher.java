package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.attest.AttestationException;
import io.github.yogs0ddhoth.pypi.attest.ReleaseAttester;
import io.github.yogs0ddhoth.pypi.attest.Statement;
import io.github.yogs0ddhoth.pypi.check.ValidationReport;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.DistributionException;
import io.github.yogs0ddhoth.pypi.distribution.FileDigester;
import io.github.yogs0ddhoth.pypi.distribution.FileDigests;
import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.CiDetector;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.identity.StoredTokenGuard;
import io.github.yogs0ddhoth.pypi.identity.TrustedPublishing;
import io.github.yogs0ddhoth.pypi.report.FileReport;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.report.ReportWriter;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.TransferProgress;
import io.github.yogs0ddhoth.pypi.report.Units;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.upload.CheckUrl;
import io.github.yogs0ddhoth.pypi.upload.FileUploader;
import io.github.yogs0ddhoth.pypi.upload.FormField;
import io.github.yogs0ddhoth.pypi.upload.IndexLookup;
import io.github.yogs0ddhoth.pypi.upload.LegacyUploadClient;
import io.github.yogs0ddhoth.pypi.upload.ParallelUploads;
import io.github.yogs0ddhoth.pypi.upload.Preflight;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import io.github.yogs0ddhoth.pypi.upload.UploadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The publish flow: find the files, read and hash them, prove the CI's identity, exchange it for an upload token,
 * upload each file exactly once, and tell the story. Everything that can fail without touching the index runs
 * before the first upload.
 */
public final class Publisher {
    private final PublishLog rawLog;
    private final PrintStream stdout;
    private final HttpSettings httpSettings;
    private final Clock clock;
    private final RetryPolicy.Sleeper sleeper;
    private final ReportWriter reports = new ReportWriter();

    public Publisher(PublishLog log, PrintStream stdout, HttpSettings httpSettings, Clock clock) {
        this(log, stdout, httpSettings, clock, d -> Thread.sleep(d.toMillis()));
    }

    /** @param sleeper waits between retries; tests pass one that does not sleep */
    public Publisher(PublishLog log, PrintStream stdout, HttpSettings httpSettings, Clock clock,
            RetryPolicy.Sleeper sleeper) {
        this.rawLog = log;
        this.stdout = stdout;
        this.httpSettings = httpSettings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ReleaseReport publish(PublishRequest request) throws PublishException {
        return publish(request, ReleaseAttester.Options.off());
    }

    /** @param attestation whether and how each file gets a PEP 740 attestation before the first upload */
    public ReleaseReport publish(PublishRequest request, ReleaseAttester.Options attestation) throws PublishException {
        boolean onGitHub = "true".equals(request.environment().get("GITHUB_ACTIONS"));
        WorkflowCommands commands = onGitHub ? new WorkflowCommands(stdout) : null;
        SecretMasker masker = new SecretMasker(commands);
        PublishLog log = masker.redacting(rawLog);
        Instant started = clock.instant();
        try {
            // Before anything else: a long-lived token within reach is what the ADR forbids.
            new StoredTokenGuard(masker, log, commands)
                    .check(request.environment(), request.serverIds(), request.failOnStoredToken());
        } catch (IdentityException e) {
            throw new PublishException(masker.redact(e.getMessage()), null);
        }

        List<UploadForm> forms;
        try {
            forms = prepare(request, log);
        } catch (PublishException e) {
            finish(request, log, commands, new Run(started, List.of(), List.of()), e.getMessage(), false, true);
            throw e;
        }
        Run run = new Run(started, forms, new ArrayList<>());
        RetryPolicy retryPolicy = new RetryPolicy(request.retries(), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Math::random, sleeper);
        if (request.dryRun()) {
            return dryRun(request, run, retryPolicy, masker, commands, log, attestation);
        }
        String error = null;
        boolean annotated = false;
        Map<String, UploadResult> settled = Map.of();
        try (CloseableHttpClient client = HttpClientFactory.create(httpSettings)) {
            TextExchange http = new TextExchange(client, httpSettings.exchangeTimeout(), retryPolicy, log::warn);
            IndexLookup lookup = IndexLookup.of(simpleRoot(request), http);
            if (new CiDetector(http, masker).isSupportedCi(request.environment())) {
                // Off a CI the identity step fails at once; asking the index first would only add noise.
                Optional<Map<String, UploadResult>> decided = preflight(request, run, lookup, log);
                if (decided.isEmpty()) {
                    return refused(request, run, commands, log);
                }
                settled = decided.get();
                if (settled.size() == forms.size()) {
                    return alreadyPublished(request, run, commands, log, settled);
                }
            }
            TrustedPublishing identity = new TrustedPublishing(request.environment(), http, masker, commands, log, clock);
            TokenManager tokens = new TokenManager(clock, log);
            tokens.start(() -> identity.obtain(request.repository().origin(), run.project(), request.publisher()));
            Map<String, UploadResult> known = settled;
            Map<String, String> attestations = new ReleaseAttester(attestation, http, retryPolicy, masker, clock, log)
                    .attest(request.repository().uri(), () -> new CiDetector(http, masker).detect(request.environment()),
                            forms.stream().filter(f -> !known.containsKey(f.filename()))
                                    .map(f -> new Statement(f.filename(), sha256(f))).toList(),
                            name -> forms.stream().filter(f -> f.filename().equals(name)).map(UploadForm::file)
                                    .findFirst().orElse(null));
            uploadAll(request, run, tokens, http, lookup, retryPolicy, settled, attestations, log);
        } catch (IdentityException e) {
            error = masker.redact(e.getMessage());
            // Identity failures carry their own annotation and job-summary section, written where they arise.
            annotated = true;
        } catch (AttestationException e) {
            error = masker.redact(e.getMessage());
        } catch (IOException e) {
            error = "Could not close the HTTP client: " + e.getMessage();
        }
        if (error == null) {
            error = run.results.stream().filter(r -> r != null && !r.isDone()).map(UploadResult::message)
                    .findFirst().orElse(null);
        }
        ReleaseReport report = finish(request, log, commands, run, error, false, !annotated);
        if (error != null) {
            throw new PublishException(describeFailure(report, error), null);
        }
        log.info("Published " + forms.size() + " file(s) of " + run.release()
                + (settled.isEmpty() ? "" : " (" + settled.size() + " already on the index or skipped)")
                + ". View at: " + report.releaseUrl());
        return report;
    }

    private List<UploadForm> prepare(PublishRequest request, PublishLog log) throws PublishException {
        ReleaseInspection.Result inspected;
        try {
            inspected = new ReleaseInspection(log).inspect(request.packagesDirectories(), request.includes(),
                    request.excludes(), Optional.ofNullable(request.expectedVersion()));
        } catch (DistributionException e) {
            throw new PublishException(e.getMessage(), e);
        }
        ValidationReport validation = inspected.validation();
        if (validation.hasErrors()) {
            // Every problem at once, before any CI detection or token request: nothing is half-published.
            throw new PublishException("The release was not published: " + validation.errors().size()
                    + " problem(s) would make the index refuse it. Nothing was uploaded.\n" + validation.render(), null);
        }
        validation.warnings().forEach(w -> log.warn(w.file() == null ? w.message() : w.file() + ": " + w.message()
                + (w.fix() == null || w.fix().isBlank() ? "" : " Fix: " + w.fix())));
        List<Distribution> found = new ArrayList<>(inspected.discovered().distributions());
        // Wheels first, then sdists: an index shows a release as installable as soon as a wheel is there.
        found.sort(Comparator.comparing((Distribution d) -> d.type().ordinal()).thenComparing(Distribution::filename));
        FileDigester digester = new FileDigester();
        List<UploadForm> forms = new ArrayList<>();
        for (Distribution dist : found) {
            FileDigests digests;
            try {
                digests = digester.digest(dist.path());
            } catch (IOException e) {
                throw new PublishException("Could not read " + dist.path() + ": " + e.getMessage(), e);
            }
            UploadForm form = UploadForm.of(dist, digests);
            forms.add(form);
            log.info("  " + dist.filename() + "  " + Units.bytes(digests.size()) + "  " + dist.type().filetype()
                    + "  pyversion " + dist.pyversion() + "  sha256 " + digests.sha256Hex());
            log.debug("    blake2_256 " + digests.blake2b256Hex() + "; form fields: " + describe(form));
        }
        return forms;
    }

    /**
     * Reports what would be published. On a CI, it also fetches an ID token and checks its claims against the
     * declared publisher, without spending the token on an exchange; elsewhere it needs no credentials at all.
     */
    private ReleaseReport dryRun(PublishRequest request, Run run, RetryPolicy retryPolicy, SecretMasker masker,
            WorkflowCommands commands, PublishLog log, ReleaseAttester.Options attestation) throws PublishException {
        run.forms.forEach(f -> run.results.add(new UploadResult(null, "would upload")));
        String identityNote = "no token was requested (no CI detected)";
        try (CloseableHttpClient client = HttpClientFactory.create(httpSettings)) {
            TextExchange http = new TextExchange(client, httpSettings.exchangeTimeout(), retryPolicy, log::warn);
            if (new CiDetector(http, masker).isSupportedCi(request.environment())) {
                new TrustedPublishing(request.environment(), http, masker, commands, log, clock)
                        .verify(request.repository().origin(), run.project(), request.publisher());
                identityNote = "the ID token's claims were checked, but no upload token was minted";
            }
        } catch (IdentityException e) {
            finish(request, log, commands, run, masker.redact(e.getMessage()), true, false);
            throw new PublishException(masker.redact(e.getMessage()), null);
        } catch (IOException e) {
            log.debug("Could not close the HTTP client: " + e.getMessage());
        }
        ReleaseReport report = finish(request, log, commands, run, null, true, true);
        log.info("Dry run: " + run.forms.size() + " file(s) of " + run.release() + " would be published to "
                + request.repository() + "; " + identityNote + "; " + new ReleaseAttester(attestation, null, null, masker,
                clock, log).dryRunNote(request.repository().uri()) + ". Nothing was uploaded.");
        return report;
    }

    private static Optional<String> simpleRoot(PublishRequest request) throws PublishException {
        try {
            return CheckUrl.simpleRoot(request.checkUrl(), request.repository());
        } catch (IllegalArgumentException e) {
            throw new PublishException(e.getMessage(), null);
        }
    }

    /**
     * One lookup of the release on the index before the first upload.
     *
     * @return the files that need no upload, with how they ended; empty when the index would refuse a file, in
     *     which case nothing may be sent and {@code run} holds each file's verdict
     */
    private Optional<Map<String, UploadResult>> preflight(PublishRequest request, Run run, IndexLookup lookup,
            PublishLog log) {
        if (lookup.isOff()) {
            log.info("Not asking the index which files it already has (pypi.checkUrl=none).");
            return Optional.of(Map.of());
        }
        List<Preflight.Candidate> candidates = run.forms.stream().map(f -> new Preflight.Candidate(f.filename(),
                f.values("name").get(0), f.values("version").get(0),
                "sdist".equals(f.values("filetype").get(0)), sha256(f))).toList();
        String host = request.repository().uri().getHost();
        boolean warehouse = "upload.pypi.org".equals(host) || "test.pypi.org".equals(host);
        Preflight.Result result = new Preflight(lookup, request.skipExisting(), warehouse, clock).judge(candidates);
        result.warning().ifPresent(log::warn);
        Map<String, UploadResult> settled = new LinkedHashMap<>();
        for (Preflight.Decision d : result.decisions()) {
            switch (d.verdict()) {
                case ALREADY_PRESENT -> settled.put(d.file().filename(),
                        new UploadResult(UploadResult.Outcome.ALREADY_PRESENT, d.reason()));
                case SKIP -> settled.put(d.file().filename(), new UploadResult(UploadResult.Outcome.SKIPPED,
                        d.reason()));
                case REFUSED, UPLOAD -> { }
            }
        }
        if (result.refused().isEmpty()) {
            log.info("Asked " + lookup.simpleRoot() + ": " + (candidates.size() - settled.size())
                    + " file(s) to upload, " + settled.size() + " settled already.");
            return Optional.of(settled);
        }
        for (Preflight.Decision d : result.decisions()) {
            run.results.add(d.verdict() == Preflight.Verdict.REFUSED
                    ? new UploadResult(UploadResult.Outcome.FAILED, d.reason())
                    : settled.get(d.file().filename()));
        }
        return Optional.empty();
    }

    private ReleaseReport refused(PublishRequest request, Run run, WorkflowCommands commands, PublishLog log)
            throws PublishException {
        StringBuilder m = new StringBuilder();
        int refused = 0;
        for (int i = 0; i < run.forms.size(); i++) {
            UploadResult r = run.results.get(i);
            if (r != null && r.outcome() == UploadResult.Outcome.FAILED) {
                refused++;
                m.append("\n  ").append(run.forms.get(i).filename()).append(": ").append(r.message());
            }
        }
        String error = "The release was not published: the index would refuse " + refused + " of its "
                + run.forms.size() + " file(s). Nothing was uploaded." + m;
        ReleaseReport report = finish(request, log, commands, run, error, false, true);
        throw new PublishException(describeFailure(report, error), null);
    }

    private ReleaseReport alreadyPublished(PublishRequest request, Run run, WorkflowCommands commands,
            PublishLog log, Map<String, UploadResult> settled) {
        run.forms.forEach(f -> run.results.add(settled.get(f.filename())));
        ReleaseReport report = finish(request, log, commands, run, null, false, true);
        log.info("Nothing to upload: the index already has every file of " + run.release() + " (no upload token"
                + " was requested). View at: " + report.releaseUrl());
        return report;
    }

    private void uploadAll(PublishRequest request, Run run, TokenManager tokens, TextExchange http,
            IndexLookup lookup, RetryPolicy retryPolicy, Map<String, UploadResult> settled,
            Map<String, String> attestations, PublishLog log) {
        FileUploader uploader = new FileUploader(new LegacyUploadClient(request.repository(), http),
                // The upload owns the retries of its lookups: each is sent once.
                new IndexLookup(lookup.isOff() ? null : lookup.simpleRoot(), http.singleAttempt()), retryPolicy,
                request.skipExisting(), log,
                form -> new TransferProgress(log, clock, form.filename())::sent);
        // Up to pypi.parallelUploads files at once, wheels first; each file's story is told as before, line by line.
        run.results.addAll(new ParallelUploads(request.parallelUploads()).run(run.forms, form -> {
            UploadResult known = settled.get(form.filename());
            if (known != null) {
                if (known.outcome() == UploadResult.Outcome.SKIPPED) {
                    log.warn("Skipped " + form.filename() + " (pypi.skipExisting=true): " + known.message());
                } else {
                    log.info("Already on the index: " + form.filename() + " (" + known.message() + ")");
                }
                return known;
            }
            log.info("Uploading " + form.filename() + " (" + Units.bytes(form.size()) + ")");
            Instant start = clock.instant();
            String attestation = attestations.get(form.filename());
            UploadResult result = uploader.upload(attestation == null ? form : new UploadForm(java.util.stream.Stream
                    .concat(form.fields().stream(), java.util.stream.Stream.of(new FormField("attestations",
                            attestation))).toList(), form.file(), form.filename(), form.size()), tokens);
            Duration took = Duration.between(start, clock.instant());
            switch (result.outcome()) {
                case UPLOADED -> {
                    tokens.recordUpload(form.size(), took);
                    log.info("Uploaded " + form.filename() + " in " + Units.seconds(took) + " ("
                            + Units.rate(form.size(), took) + "), sha256 " + sha256(form));
                }
                case ALREADY_PRESENT -> log.info("Already on the index: " + form.filename() + " ("
                        + result.message() + ")");
                case SKIPPED -> log.warn("Skipped " + form.filename() + ": " + result.message());
                case FAILED -> log.error("Failed to upload " + form.filename());
            }
            return result;
        }));
    }

    private ReleaseReport finish(PublishRequest request, PublishLog log, WorkflowCommands commands, Run run,
            String error, boolean dryRun, boolean annotate) {
        List<FileReport> files = new ArrayList<>();
        for (int i = 0; i < run.forms.size(); i++) {
            UploadForm f = run.forms.get(i);
            UploadResult r = i < run.results.size() ? run.results.get(i) : null;
            String outcome = r == null ? "not attempted"
                    : r.outcome() == null ? "would upload"
                    : r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            files.add(new FileReport(f.filename(), f.size(), sha256(f), f.values("blake2_256_digest").get(0),
                    outcome, r == null ? "" : r.message()));
        }
        String name = run.forms.isEmpty() ? null : run.forms.get(0).values("name").get(0);
        String version = run.forms.isEmpty() ? null : run.forms.get(0).values("version").get(0);
        ReleaseReport report = new ReleaseReport(request.repository().toString(), name, version,
                name == null ? null : request.repository().projectPageUrl(name, version),
                ReleaseReport.statusOf(files, dryRun, error != null), error, files, run.started, clock.instant());
        if (!files.isEmpty()) {
            log.info("");
            reports.table(report).lines().forEach(log::info);
        }
        write(request, log, commands, report, annotate);
        return report;
    }

    private void write(PublishRequest request, PublishLog log, WorkflowCommands commands, ReleaseReport report,
            boolean annotate) {
        try {
            if (request.reportFile() != null) {
                reports.writeJson(report, request.reportFile());
                log.info("Report: " + request.reportFile());
            }
            String summary = request.environment().get("GITHUB_STEP_SUMMARY");
            if (commands != null && summary != null && !summary.isBlank()) {
                reports.appendGitHubSummary(report, Path.of(summary));
            }
            String outputs = request.environment().get("GITHUB_OUTPUT");
            if (commands != null && outputs != null && !outputs.isBlank()) {
                reports.appendGitHubOutputs(report, Path.of(outputs));
            }
        } catch (IOException e) {
            log.warn("Could not write the publish report: " + e.getMessage());
        }
        if (commands != null && annotate && report.error() != null) {
            commands.error("PyPI publishing failed", report.error());
        }
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

    private static String sha256(UploadForm form) {
        return form.values("sha256_digest").get(0);
    }

    /** The state of one run: the files and, in order, how each ended. */
    private record Run(Instant started, List<UploadForm> forms, List<UploadResult> results) {
        /** The metadata name of the release, for links to its publisher settings; null when nothing was found. */
        String project() {
            return forms.isEmpty() ? null : forms.get(0).values("name").get(0);
        }

        String release() {
            return forms.stream().map(f -> f.values("name").get(0) + " " + f.values("version").get(0))
                    .distinct().reduce((a, b) -> a + ", " + b).orElse("nothing");
        }
    }
}
