package io.github.yogs0ddhoth.pypi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubJobReportTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final WorkflowCommands commands = new WorkflowCommands(new PrintStream(out, true, StandardCharsets.UTF_8));
    private final RecordingLog log = new RecordingLog();

    @Test
    void aFailureIsAnAnnotationAndASummarySectionWithItsSecretsRedacted() throws Exception {
        SecretMasker masker = new SecretMasker(commands);
        masker.register("secret-value-123");
        Path summary = dir.resolve("summary.md");
        GitHubJobReport report = new GitHubJobReport(commands, summary, masker, log);

        report.failure("Exchange failed", "PyPI said secret-value-123", "## Exchange failed\nsecret-value-123");
        report.details("## Claims");

        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("::add-mask::")))
                .containsExactly("::error title=Exchange failed::PyPI said ***");
        assertThat(Files.readString(summary)).isEqualTo("## Exchange failed\n***\n## Claims\n");
    }

    @Test
    void offGitHubActionsNothingIsWritten() {
        Path summary = dir.resolve("summary.md");
        GitHubJobReport report = new GitHubJobReport(null, summary, new SecretMasker(null), log);

        report.failure("Exchange failed", "text", "## Exchange failed");
        report.warning("Claim", "text");

        assertThat(summary).doesNotExist();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aSummaryThatCannotBeWrittenIsOnlyADebugLine() {
        Path summary = dir.resolve("missing-directory/summary.md");
        new GitHubJobReport(commands, summary, new SecretMasker(commands), log).details("## Claims");

        assertThat(log.text()).contains("[DEBUG] Could not append to the job summary");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
