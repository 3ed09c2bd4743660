package io.github.yogs0ddhoth.pypi.report;

import io.github.yogs0ddhoth.pypi.json.Json;
import io.github.yogs0ddhoth.pypi.json.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ReleaseReport} where people and later CI steps read it. Every string passes the run's output
 * gate on the way out: the runner masks the job log, but not the job summary, the step outputs or report.json.
 */
public final class ReportWriter {
    /** The job summary lists this many files, then says how many more there are. */
    static final int MAX_SUMMARY_FILES = 200;
    /** The error text shown in the job summary; GitHub refuses a step's summary over 1 MiB. */
    static final int MAX_SUMMARY_ERROR = 64 * 1024;

    private final SecretMasker gate;

    public ReportWriter(SecretMasker gate) {
        this.gate = gate;
    }

    /**
     * Writes report.json, the job summary and the step outputs, each on its own: one that cannot be written is
     * reported with its cause and does not keep the others from being written.
     *
     * @param reportFile  null for none
     * @param summaryFile null for none
     * @param outputsFile null for none
     */
    public void writeAll(ReleaseReport report, Path reportFile, Path summaryFile, Path outputsFile, PublishLog log) {
        if (reportFile != null) {
            try {
                writeJson(report, reportFile);
                log.info("Report: " + reportFile);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the publish report " + reportFile + ": " + cause(e));
            }
        }
        if (summaryFile != null) {
            try {
                appendGitHubSummary(report, summaryFile);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the job summary (GITHUB_STEP_SUMMARY=" + summaryFile + "): " + cause(e));
            }
        }
        if (outputsFile != null) {
            try {
                appendGitHubOutputs(report, outputsFile);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the step outputs (GITHUB_OUTPUT=" + outputsFile + "): " + cause(e));
            }
        }
    }

    /** Where anyone can look up a Rekor entry of Sigstore's public-good log. */
    public static String searchUrl(long logIndex) {
        return "https://search.sigstore.dev/?logIndex=" + logIndex;
    }

    private static String cause(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    /** The machine-readable report, replaced on every run. */
    public void writeJson(ReleaseReport report, Path file) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonWriter g = Json.prettyWriter(text)) {
            g.writeStartObject();
            g.writeStringField("status", report.status());
            g.writeStringField("repository", gate.redactSecrets(report.repository()));
            g.writeStringField("project", gate.redactSecrets(report.project()));
            g.writeStringField("version", gate.redactSecrets(report.version()));
            g.writeStringField("releaseUrl", gate.redactSecrets(report.releaseUrl()));
            g.writeStringField("error", gate.redactSecrets(report.error()));
            g.writeStringField("started", report.started().toString());
            g.writeStringField("finished", report.finished().toString());
            g.writeArrayFieldStart("files");
            for (FileReport f : report.files()) {
                g.writeStartObject();
                g.writeStringField("filename", gate.redactSecrets(f.filename()));
                g.writeNumberField("size", f.size());
                g.writeStringField("sha256", f.sha256());
                g.writeStringField("blake2_256", f.blake2b256());
                g.writeStringField("outcome", f.outcome());
                g.writeBooleanField("onIndex", f.isOnIndex());
                g.writeStringField("message", gate.redactSecrets(f.message()));
                if (f.rekorLogIndex() != null) {
                    g.writeNumberField("rekorLogIndex", f.rekorLogIndex());
                    g.writeStringField("attestationUrl", searchUrl(f.rekorLogIndex()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    /**
     * The final table of the log. When any file was attested, a last column links each file's Rekor entry, the
     * public record anyone can look up.
     */
    public String table(ReleaseReport report) {
        int width = Math.max(8, report.files().stream().mapToInt(f -> cell(f.filename()).length()).max().orElse(8));
        boolean attested = report.files().stream().anyMatch(f -> f.rekorLogIndex() != null);
        String row = "%-" + width + "s  %10s  %-64s  " + (attested ? "%-12s  %s" : "%s%s") + "\n";
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, row, "File", "Size", "SHA-256", "Outcome", attested ? "Rekor entry" : ""));
        for (FileReport f : report.files()) {
            String rekor = !attested ? "" : f.rekorLogIndex() == null ? "none" : searchUrl(f.rekorLogIndex());
            t.append(String.format(Locale.ROOT, row, cell(f.filename()), Units.bytes(f.size()), f.sha256(),
                    f.outcome(), rekor));
        }
        return t.toString().lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Appends GitHub-flavoured Markdown to the job summary ({@code GITHUB_STEP_SUMMARY}). */
    public void appendGitHubSummary(ReleaseReport report, Path summaryFile) throws IOException {
        StringBuilder md = new StringBuilder();
        String title = switch (report.status()) {
            case "published" -> "Published " + report.project() + " " + report.version();
            case "dry-run" -> "Dry run: " + report.project() + " " + report.version() + " (nothing was uploaded)";
            case "partial" -> "Partly published " + report.project() + " " + report.version();
            default -> "Publishing " + nullToEmpty(report.project()) + " " + nullToEmpty(report.version()) + " failed";
        };
        md.append("### PyPI: ").append(markdown(title.strip())).append("\n\n");
        if (report.releaseUrl() != null && !report.status().equals("dry-run")) {
            md.append("Release: ").append(markdown(report.releaseUrl())).append("\n\n");
        }
        md.append("Index: ").append(code(report.repository())).append("\n\n");
        List<FileReport> files = report.files();
        boolean attested = files.stream().anyMatch(f -> f.rekorLogIndex() != null);
        md.append(attested ? "| File | Size | SHA-256 | Outcome | Attestation |\n|---|---:|---|---|---|\n"
                : "| File | Size | SHA-256 | Outcome |\n|---|---:|---|---|\n");
        for (FileReport f : files.subList(0, Math.min(files.size(), MAX_SUMMARY_FILES))) {
            md.append("| ").append(code(f.filename())).append(" | ").append(Units.bytes(f.size())).append(" | `")
                    .append(cell(f.sha256())).append("` | ").append(markdown(f.outcome())).append(" |");
            if (attested) {
                md.append(f.rekorLogIndex() == null ? " none |"
                        : " [Rekor " + f.rekorLogIndex() + "](" + searchUrl(f.rekorLogIndex()) + ") |");
            }
            md.append("\n");
        }
        if (files.size() > MAX_SUMMARY_FILES) {
            md.append("\nand ").append(files.size() - MAX_SUMMARY_FILES).append(" more file(s), see the log.\n");
        }
        if (report.error() != null) {
            String error = gate.redact(report.error());
            if (error.length() > MAX_SUMMARY_ERROR) {
                int more = (int) error.substring(MAX_SUMMARY_ERROR).lines().count();
                error = error.substring(0, MAX_SUMMARY_ERROR) + "\n... and " + more + " more line(s), see the log.";
            }
            md.append("\n**Error**\n\n```\n").append(error.replace("```", "'''")).append("\n```\n");
            md.append("\nOn the index: ").append(names(report, true)).append("  \nNot on the index: ")
                    .append(names(report, false)).append("\n");
        }
        md.append("\n");
        Files.writeString(summaryFile, md.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Step outputs ({@code GITHUB_OUTPUT}): the release URL, the files, and their hashes as JSON. */
    public void appendGitHubOutputs(ReleaseReport report, Path outputFile) throws IOException {
        StringWriter files = new StringWriter();
        try (JsonWriter g = Json.writer(files)) {
            g.writeStartArray();
            for (FileReport f : report.files()) {
                if (f.isOnIndex()) {
                    g.writeStartObject();
                    g.writeStringField("filename", gate.redactSecrets(f.filename()));
                    g.writeStringField("sha256", f.sha256());
                    g.writeStringField("blake2_256", f.blake2b256());
                    g.writeStringField("outcome", f.outcome());
                    if (f.rekorLogIndex() != null) {
                        g.writeNumberField("rekorLogIndex", f.rekorLogIndex());
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String delimiter = "pypi_" + HexFormat.of().formatHex(random);
        StringBuilder out = new StringBuilder();
        out.append("status=").append(report.status()).append("\n");
        out.append("release-url=").append(report.releaseUrl() == null ? "" : cell(report.releaseUrl())).append("\n");
        out.append("files<<").append(delimiter).append("\n")
                .append(files).append("\n").append(delimiter).append("\n");
        out.append("hashes<<").append(delimiter).append("\n");
        for (FileReport f : report.files()) {
            if (f.isOnIndex()) {
                out.append(f.sha256()).append("  ").append(cell(f.filename())).append("\n");
            }
        }
        out.append(delimiter).append("\n");
        Files.writeString(outputFile, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private String names(ReleaseReport report, boolean onIndex) {
        List<String> names = report.files().stream().filter(f -> f.isOnIndex() == onIndex)
                .map(f -> code(f.filename())).toList();
        if (names.isEmpty()) {
            return "none";
        }
        String list = String.join(", ", names.subList(0, Math.min(names.size(), MAX_SUMMARY_FILES)));
        return names.size() > MAX_SUMMARY_FILES ? list + " and " + (names.size() - MAX_SUMMARY_FILES) + " more" : list;
    }

    /** Outside text on one line, redacted: a file name cannot end a row or start a line of its own. */
    private String cell(String text) {
        return text == null ? "" : gate.redactOneLine(text);
    }

    /** A table cell's text, with the characters that would end the cell or open code made literal. */
    private String markdown(String text) {
        return cell(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
                .replace("<", "&lt;");
    }

    /** Text shown as code: backticks inside would close the span, so a longer fence is chosen. */
    private String code(String text) {
        String t = cell(text).replace("|", "\\|");
        String fence = t.contains("``") ? "```" : t.contains("`") ? "``" : "`";
        return fence + (fence.length() > 1 ? " " + t + " " : t) + fence;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
