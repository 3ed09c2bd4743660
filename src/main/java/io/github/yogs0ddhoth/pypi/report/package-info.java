/**
 * What a run tells people and machines, and the output gate every such string passes: the log
 * ({@link io.github.yogs0ddhoth.pypi.report.PublishLog}), GitHub workflow commands, the final table, report.json,
 * the job summary and step outputs ({@link io.github.yogs0ddhoth.pypi.report.ReportWriter}), and the annotations and
 * job-summary sections of failures that arise before the final report
 * ({@link io.github.yogs0ddhoth.pypi.report.GitHubJobReport}).
 *
 * <p>{@link io.github.yogs0ddhoth.pypi.report.SecretMasker} is the gate: secrets in every form are redacted and no
 * outside text can start a workflow command. This package knows no CI, identity or upload type: it is handed values
 * and paths (where GitHub takes the summary and outputs comes from the identity package's CI context).
 */
package io.github.yogs0ddhoth.pypi.report;
