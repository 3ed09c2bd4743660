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

    private final ReportWriter writer = new ReportWriter(new SecretMasker(null));
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

    @Test
    void tableLinksEachAttestedFilesRekorEntry() {
        ReleaseReport attested = new ReleaseReport("https://upload.pypi.org/legacy/", "demo", "1.0", null, "partial",
                null, List.of(new FileReport("demo-1.0-py3-none-any.whl", 2048, "a".repeat(64), "b".repeat(64),
                        "uploaded", "uploaded", 123456789L),
                        new FileReport("demo-1.0.tar.gz", 1024, "c".repeat(64), "d".repeat(64), "failed", "400 bad")),
                Instant.parse("2026-11-26T12:00:00Z"), Instant.parse("2026-11-26T12:00:05Z"));

        List<String> lines = writer.table(attested).lines().toList();

        assertThat(lines.get(0)).endsWith("Outcome       Rekor entry");
        assertThat(lines.get(1)).startsWith("demo-1.0-py3-none-any.whl")
                .endsWith("uploaded      https://search.sigstore.dev/?logIndex=123456789");
        assertThat(lines.get(2)).endsWith("failed        none");
        assertThat(writer.table(partial)).doesNotContain("Rekor");
    }

    private static final String SECRET = "pypi-AgEIcHlwaS5vcmc-echoed-by-a-server";

    private ReleaseReport hostile(SecretMasker gate, int extraFiles, String error) {
        gate.register(SECRET);
        List<FileReport> many = new java.util.ArrayList<>();
        many.add(new FileReport("evil\n::stop-commands::x\n|`-1.0-py3-none-any.whl", 10, "e".repeat(64),
                "f".repeat(64), "uploaded", "echo " + SECRET, 4242L));
        for (int i = 0; i < extraFiles; i++) {
            many.add(new FileReport("demo-1.0-cp3" + i + "-none-any.whl", 10, "a".repeat(64), "b".repeat(64),
                    "failed", "x"));
        }
        return new ReleaseReport("https://upload.pypi.org/legacy/", "demo", "1.0", "https://pypi.org/project/demo/1.0/",
                "partial", error, many, Instant.parse("2026-11-26T12:00:00Z"), Instant.parse("2026-11-26T12:00:05Z"));
    }

    @Test
    void noSecretAndNoRawLineBreakFromOutsideReachesTheReportTheSummaryOrTheOutputs() throws Exception {
        SecretMasker gate = new SecretMasker(null);
        ReportWriter gated = new ReportWriter(gate);
        ReleaseReport report = hostile(gate, 1, "400 Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString(("__token__:" + SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + " token=" + SECRET);
        Path json = dir.resolve("report.json");
        Path summary = dir.resolve("summary.md");
        Path outputs = dir.resolve("outputs");

        gated.writeAll(report, json, summary, outputs, new io.github.yogs0ddhoth.pypi.testing.RecordingLog());

        for (Path p : List.of(json, summary, outputs)) {
            String text = Files.readString(p);
            assertThat(text).as(p.toString()).doesNotContain(SECRET, "X190b2tlbl9f");
            assertThat(text.lines()).as(p.toString()).noneMatch(l -> l.startsWith("::"));
        }
        assertThat(Files.readString(json)).contains("***");
        assertThat(Files.readString(summary)).contains("***").contains("| `` evil\\n::stop-commands::x\\n\\|`-1.0-py3-none-any.whl `` |")
                .contains("[Rekor 4242](https://search.sigstore.dev/?logIndex=4242)");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("files").get(0).get("rekorLogIndex").asLong())
                .isEqualTo(4242);
    }

    @Test
    void theSummaryStaysUnderGitHubsLimitWithThousandsOfProblems() throws Exception {
        SecretMasker gate = new SecretMasker(null);
        ReleaseReport report = hostile(gate, 3000, "problem line\n".repeat(400_000));
        Path summary = dir.resolve("summary.md");

        new ReportWriter(gate).appendGitHubSummary(report, summary);

        String md = Files.readString(summary);
        assertThat(md.length()).isLessThan(1024 * 1024);
        assertThat(md).contains("and 2801 more file(s), see the log.").contains("more line(s), see the log.");
        assertThat(md.lines().filter(l -> l.startsWith("| `demo-1.0-cp3"))).hasSize(ReportWriter.MAX_SUMMARY_FILES - 1);
    }

    @Test
    void eachOutputIsWrittenOnItsOwnAndAFailureSaysWhy() throws Exception {
        SecretMasker gate = new SecretMasker(null);
        Path blocked = dir.resolve("not-a-directory");
        Files.writeString(blocked, "a file");
        Path outputs = dir.resolve("outputs");
        Path json = dir.resolve("report.json");
        io.github.yogs0ddhoth.pypi.testing.RecordingLog log = new io.github.yogs0ddhoth.pypi.testing.RecordingLog();

        new ReportWriter(gate).writeAll(partial, json, blocked.resolve("summary.md"), outputs, log);

        assertThat(json).exists();
        assertThat(Files.readString(outputs)).contains("status=partial");
        assertThat(log.text()).contains("Could not write the job summary (GITHUB_STEP_SUMMARY=" + blocked)
                .contains("Exception");
    }
}
