package io.github.yogs0ddhoth.pypi.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Writes a {@link ReleaseReport} where people and later CI steps read it. */
public final class ReportWriter {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The machine-readable report, replaced on every run. */
    public void writeJson(ReleaseReport report, Path file) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("status", report.status());
        root.put("repository", report.repository());
        root.put("project", report.project());
        root.put("version", report.version());
        root.put("releaseUrl", report.releaseUrl());
        root.put("error", report.error());
        root.put("started", report.started().toString());
        root.put("finished", report.finished().toString());
        ArrayNode files = root.putArray("files");
        for (FileReport f : report.files()) {
            ObjectNode node = files.addObject();
            node.put("filename", f.filename());
            node.put("size", f.size());
            node.put("sha256", f.sha256());
            node.put("blake2_256", f.blake2b256());
            node.put("outcome", f.outcome());
            node.put("onIndex", f.isOnIndex());
            node.put("message", f.message());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /** The final table of the log. */
    public String table(ReleaseReport report) {
        int width = Math.max(8, report.files().stream().mapToInt(f -> f.filename().length()).max().orElse(8));
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-" + width + "s  %10s  %-64s  %s%n", "File", "Size", "SHA-256", "Outcome"));
        for (FileReport f : report.files()) {
            t.append(String.format(Locale.ROOT, "%-" + width + "s  %10s  %-64s  %s%n", f.filename(),
                    Units.bytes(f.size()), f.sha256(), f.outcome()));
        }
        return t.toString().stripTrailing();
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
        md.append("### PyPI: ").append(title.strip()).append("\n\n");
        if (report.releaseUrl() != null && !report.status().equals("dry-run")) {
            md.append("Release: ").append(report.releaseUrl()).append("\n\n");
        }
        md.append("Index: `").append(report.repository()).append("`\n\n");
        md.append("| File | Size | SHA-256 | Outcome |\n|---|---:|---|---|\n");
        for (FileReport f : report.files()) {
            md.append("| `").append(f.filename()).append("` | ").append(Units.bytes(f.size())).append(" | `")
                    .append(f.sha256()).append("` | ").append(f.outcome()).append(" |\n");
        }
        if (report.error() != null) {
            md.append("\n**Error**\n\n```\n").append(report.error().replace("```", "'''")).append("\n```\n");
            md.append("\nOn the index: ").append(names(report, true)).append("  \nNot on the index: ")
                    .append(names(report, false)).append("\n");
        }
        md.append("\n");
        Files.writeString(summaryFile, md.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Step outputs ({@code GITHUB_OUTPUT}): the release URL, the files, and their hashes as JSON. */
    public void appendGitHubOutputs(ReleaseReport report, Path outputFile) throws IOException {
        ArrayNode files = json.createArrayNode();
        for (FileReport f : report.files()) {
            if (f.isOnIndex()) {
                files.addObject().put("filename", f.filename()).put("sha256", f.sha256())
                        .put("blake2_256", f.blake2b256()).put("outcome", f.outcome());
            }
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String delimiter = "pypi_" + HexFormat.of().formatHex(random);
        StringBuilder out = new StringBuilder();
        out.append("status=").append(report.status()).append("\n");
        out.append("release-url=").append(report.releaseUrl() == null ? "" : report.releaseUrl()).append("\n");
        out.append("files<<").append(delimiter).append("\n")
                .append(new ObjectMapper().writeValueAsString(files)).append("\n").append(delimiter).append("\n");
        out.append("hashes<<").append(delimiter).append("\n");
        for (FileReport f : report.files()) {
            if (f.isOnIndex()) {
                out.append(f.sha256()).append("  ").append(f.filename()).append("\n");
            }
        }
        out.append(delimiter).append("\n");
        Files.writeString(outputFile, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String names(ReleaseReport report, boolean onIndex) {
        String list = String.join(", ", report.files().stream().filter(f -> f.isOnIndex() == onIndex)
                .map(f -> "`" + f.filename() + "`").toList());
        return list.isEmpty() ? "none" : list;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
