package io.github.yogs0ddhoth.pypi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    private final ReportWriter writer = new ReportWriter();
    private final List<FileReport> files = List.of(
            new FileReport("demo-1.0-py3-none-any.whl", 2048, "a".repeat(64), "b".repeat(64), "uploaded", "uploaded"),
            new FileReport("demo-1.0.tar.gz", 1024, "c".repeat(64), "d".repeat(64), "failed", "400 bad"));
    private final ReleaseReport partial = new ReleaseReport("https://upload.pypi.org/legacy/", "demo", "1.0",
            "https://pypi.org/project/demo/1.0/", ReleaseReport.statusOf(files, false, true), "400 bad", files,
            Instant.parse("2026-11-26T12:00:00Z"), Instant.parse("2026-11-26T12:00:05Z"));

    @Test
    void statusSaysWhetherTheReleaseIsWhole() {
        assertThat(partial.status()).isEqualTo("partial");
        assertThat(ReleaseReport.statusOf(List.of(files.get(0)), false, false)).isEqualTo("published");
        assertThat(ReleaseReport.statusOf(List.of(files.get(1)), false, true)).isEqualTo("failed");
        assertThat(ReleaseReport.statusOf(files, true, false)).isEqualTo("dry-run");
    }

    @Test
    void jsonReportListsEveryFileWithItsOutcome() throws Exception {
        Path file = dir.resolve("pypi-publish/report.json");
        writer.writeJson(partial, file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("status").asText()).isEqualTo("partial");
        assertThat(json.get("releaseUrl").asText()).isEqualTo("https://pypi.org/project/demo/1.0/");
        assertThat(json.get("error").asText()).isEqualTo("400 bad");
        assertThat(json.get("files")).hasSize(2);
        assertThat(json.get("files").get(0).get("sha256").asText()).isEqualTo("a".repeat(64));
        assertThat(json.get("files").get(0).get("onIndex").asBoolean()).isTrue();
        assertThat(json.get("files").get(1).get("outcome").asText()).isEqualTo("failed");
        assertThat(json.get("files").get(1).get("onIndex").asBoolean()).isFalse();
    }

    @Test
    void summaryHasTheTableTheUrlAndWhatIsAndIsNotOnTheIndex() throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        writer.appendGitHubSummary(partial, summary);
        String md = Files.readString(summary);
        assertThat(md).startsWith("earlier step\n### PyPI: Partly published demo 1.0")
                .contains("Release: https://pypi.org/project/demo/1.0/")
                .contains("| `demo-1.0-py3-none-any.whl` | 2.0 KiB | `" + "a".repeat(64) + "` | uploaded |")
                .contains("| `demo-1.0.tar.gz` | 1.0 KiB | `" + "c".repeat(64) + "` | failed |")
                .contains("On the index: `demo-1.0-py3-none-any.whl`")
                .contains("Not on the index: `demo-1.0.tar.gz`");
    }

    @Test
    void outputsCarryTheUrlAndTheHashesOfWhatIsOnTheIndex() throws Exception {
        Path out = dir.resolve("output");
        writer.appendGitHubOutputs(partial, out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).contains("status=partial", "release-url=https://pypi.org/project/demo/1.0/",
                "a".repeat(64) + "  demo-1.0-py3-none-any.whl");
        assertThat(String.join("\n", lines)).doesNotContain("c".repeat(64));
        String delimiter = lines.get(2).substring("files<<".length());
        assertThat(lines.get(4)).isEqualTo(delimiter);
        assertThat(lines.get(3)).contains("\"filename\":\"demo-1.0-py3-none-any.whl\"");
    }

    @Test
    void tableAlignsColumns() {
        assertThat(writer.table(partial).lines().toList()).hasSize(3)
                .first().asString().startsWith("File").contains("SHA-256").endsWith("Outcome");
    }
}
