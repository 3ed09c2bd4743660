package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Surfaces identity failures and warnings where a GitHub Actions user looks first: an annotation on the run, and a
 * section of the job summary ({@code GITHUB_STEP_SUMMARY}). Off GitHub Actions it does nothing; the build log
 * carries the same text there.
 *
 * <p>Everything passes through {@link SecretMasker#redact} first. That matters most for the summary file: the runner
 * masks registered secrets in the log, but not in files.
 */
final class GitHubJobReport {
    private final WorkflowCommands commands;
    private final Path summary;
    private final SecretMasker masker;
    private final PublishLog log;

    /**
     * @param commands null when not running under GitHub Actions
     * @param summary  the job summary ({@code GITHUB_STEP_SUMMARY}), or null for none
     */
    GitHubJobReport(WorkflowCommands commands, Path summary, SecretMasker masker, PublishLog log) {
        this.commands = commands;
        this.summary = commands == null ? null : summary;
        this.masker = masker;
        this.log = log;
    }

    void failure(IdentityException e) {
        if (commands == null) {
            return;
        }
        commands.error(masker.redact(e.title()), masker.redact(e.getMessage()));
        append(e.markdown());
    }

    /** The failure's job-summary section alone, for a failure that another annotation already reports. */
    void details(IdentityException e) {
        if (commands != null) {
            append(e.markdown());
        }
    }

    void warning(IdentityWarning w) {
        if (commands != null) {
            commands.warning(masker.redact(w.title()), masker.redact(w.text()));
        }
    }

    private void append(String markdown) {
        if (summary == null) {
            return;
        }
        try {
            Files.writeString(summary, masker.redact(markdown) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The log already has the whole story; a summary we cannot write must not hide the real failure.
            log.debug("Could not append to the job summary " + summary + ": " + e.getMessage());
        }
    }
}
