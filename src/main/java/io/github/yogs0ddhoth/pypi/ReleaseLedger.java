package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.report.FileReport;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.report.ReportWriter;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import io.github.yogs0ddhoth.pypi.upload.UploadResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run knows about its files as it goes (the hashed forms, what became of each, their Rekor entries), and
 * the report made of it whenever the run ends: the final table, report.json, the job summary and outputs, and the
 * failure's annotation. The steps of {@link ReleaseRun} write here; nothing else does.
 */
final class ReleaseLedger {
    /** A step that ends the run early with its report, or lets it go on. */
    static final class Ended extends Exception {
        final ReleaseReport report;

        Ended(ReleaseReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private final PublishRequest request;
    private final Clock clock;
    private final PublishLog log;
    private final WorkflowCommands commands;
    private final ReportWriter reports;
    private final Instant started;
    private List<UploadForm> forms = List.of();
    private final Map<String, UploadResult> results = new LinkedHashMap<>();
    private Map<String, Long> rekorLogIndexes = Map.of();

    ReleaseLedger(PublishRequest request, Clock clock, SecretMasker gate, PublishLog log) {
        this.request = request;
        this.clock = clock;
        this.log = log;
        this.commands = gate.commands();
        this.reports = new ReportWriter(gate);
        this.started = clock.instant();
    }

    /** The release's files, hashed, in upload order (wheels first, then sdists). */
    void prepared(List<UploadForm> hashed) {
        forms = List.copyOf(hashed);
    }

    List<UploadForm> forms() {
        return forms;
    }

    void record(String filename, UploadResult result) {
        results.put(filename, result);
    }

    Collection<UploadResult> results() {
        return results.values();
    }

    void rekorLogIndexes(Map<String, Long> indexes) {
        rekorLogIndexes = Map.copyOf(indexes);
    }

    /** The files the preflight left to send, in upload order. */
    List<UploadForm> toSend() {
        return forms.stream().filter(f -> !results.containsKey(f.filename())).toList();
    }

    /** The metadata name of the release, for links to its publisher settings; null when nothing was found. */
    String project() {
        return forms.isEmpty() ? null : forms.get(0).name();
    }

    /** "name version" of the release, for the log. */
    String release() {
        return forms.stream().map(f -> f.name() + " " + f.version()).distinct().reduce((a, b) -> a + ", " + b)
                .orElse("nothing");
    }

    /** The run succeeded (or has not failed yet): the report, written everywhere it goes. */
    ReleaseReport report() {
        return report(null, false);
    }

    /**
     * The run failed with {@code error}: the report written everywhere, and the exception the run throws, which
     * says which files are on the index and which are not.
     *
     * @param annotated whether the failure already wrote its own annotation (identity failures do, where they arise)
     */
    PublishException failed(String error, boolean annotated) {
        ReleaseReport report = report(error, annotated);
        return new PublishException(describeFailure(report, error), null);
    }

    /** A failure before any file reached the index: reported like every other, thrown with its message alone. */
    PublishException stopped(String error, boolean annotated) {
        report(error, annotated);
        return new PublishException(error, null);
    }

    private ReleaseReport report(String error, boolean annotated) {
        List<FileReport> files = new ArrayList<>();
        for (UploadForm f : forms) {
            UploadResult r = results.get(f.filename());
            files.add(new FileReport(f.filename(), f.size(), f.sha256(), f.blake2b256(),
                    r == null ? "not attempted" : r.outcome().label(), r == null ? "" : r.message(),
                    rekorLogIndexes.get(f.filename())));
        }
        String name = project();
        String version = forms.isEmpty() ? null : forms.get(0).version();
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
        if (commands != null && error != null && !annotated) {
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
}
