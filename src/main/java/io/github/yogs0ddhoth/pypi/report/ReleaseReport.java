package io.github.yogs0ddhoth.pypi.report;

import java.time.Instant;
import java.util.List;

/**
 * What a publish run did, for the log's final table, report.json, and the GitHub job summary and outputs.
 * It holds no secret by construction: only names, sizes, hashes, outcomes and URLs.
 *
 * @param status     {@code published}, {@code partial} (some files are on the index, some not), {@code failed}
 *                   or {@code dry-run}
 * @param releaseUrl the release's web page, or null when nothing identifies it
 * @param error      why the run failed, or null
 */
public record ReleaseReport(String repository, String project, String version, String releaseUrl, String status,
        String error, List<FileReport> files, Instant started, Instant finished) {

    public ReleaseReport {
        files = List.copyOf(files);
    }

    /** Decides the status from the files: a release is published only when every file is on the index. */
    public static String statusOf(List<FileReport> files, boolean dryRun, boolean failed) {
        if (dryRun && !failed) {
            return "dry-run";
        }
        boolean any = files.stream().anyMatch(f -> f.isOnIndex() && !f.outcome().equals("skipped"));
        if (!failed && files.stream().allMatch(FileReport::isOnIndex)) {
            return "published";
        }
        return any ? "partial" : "failed";
    }
}
