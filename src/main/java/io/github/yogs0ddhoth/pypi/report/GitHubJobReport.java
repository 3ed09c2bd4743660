package io.github.yogs0ddhoth.pypi.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Surfaces failures and warnings that arise before the final report (identity, stored tokens) where a GitHub Actions
 * user looks first: an annotation on the run, and a section of the job summary ({@code GITHUB_STEP_SUMMARY}). Off
 * GitHub Actions it does nothing; the build log carries the same text there.
 *
 * <p>Everything passes through {@link SecretMasker#redact} first. That matters most for the summary file: the runner
 * masks registered secrets in the log, but not in files.
 */
public final class GitHubJobReport {
    private final WorkflowCommands commands;
    private final Path summary;
    private final SecretMasker masker;
    private final PublishLog log;

    /**
     * @param commands null when not running under GitHub Actions
     * @param summary  the job summary ({@code GITHUB_STEP_SUMMARY}), or null for none
     */
    public GitHubJobReport(WorkflowCommands commands, Path summary, SecretMasker masker, PublishLog log) {
        this.commands = commands;
        this.summary = commands == null ? null : summary;
        this.masker = masker;
        this.log = log;
    }

    /** An error annotation, and the same failure's section of the job summary. */
    public void failure(String title, String message, String markdown) {
        if (commands == null) {
            return;
        }
        commands.error(masker.redact(title), masker.redact(message));
        append(markdown);
    }

    /** The failure's job-summary section alone, for a failure that another annotation already reports. */
    public void details(String markdown) {
        if (commands != null) {
            append(markdown);
        }
    }

    public void warning(String title, String text) {
        if (commands != null) {
            commands.warning(masker.redact(title), masker.redact(text));
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
