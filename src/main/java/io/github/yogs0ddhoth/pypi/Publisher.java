package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.attest.ReleaseAttester;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

/**
 * The publish flow: find the files, read and hash them, ask the index what it has, prove the CI's identity and
 * exchange it for an upload token, sign, upload each file exactly once, and tell the story ({@link ReleaseRun} has
 * the steps). Everything that can fail without touching the index runs before the first upload.
 */
public final class Publisher {
    private final PublishLog rawLog;
    private final PrintStream stdout;
    private final HttpSettings httpSettings;
    private final Clock clock;
    private final RetryPolicy.Sleeper sleeper;

    public Publisher(PublishLog log, PrintStream stdout, HttpSettings httpSettings, Clock clock) {
        this(log, stdout, httpSettings, clock, d -> Thread.sleep(d.toMillis()));
    }

    /** @param sleeper waits between retries; tests pass one that does not sleep */
    public Publisher(PublishLog log, PrintStream stdout, HttpSettings httpSettings, Clock clock,
            RetryPolicy.Sleeper sleeper) {
        this.rawLog = log;
        this.stdout = stdout;
        this.httpSettings = httpSettings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ReleaseReport publish(PublishRequest request) throws PublishException {
        return publish(request, ReleaseAttester.Options.off());
    }

    /**
     * Publishes the release. Whatever happens, every string that leaves the run (log, annotation, report, job
     * summary, outputs, and the exception's message) has passed the run's output gate: secrets in every form are
     * redacted and no outside text can start a workflow command.
     *
     * @param attestation whether and how each file gets a PEP 740 attestation before the first upload
     */
    public ReleaseReport publish(PublishRequest request, ReleaseAttester.Options attestation) throws PublishException {
        SecretMasker gate = new SecretMasker(request.ci().onGitHubActions() ? new WorkflowCommands(stdout) : null);
        PublishLog log = gate.redacting(rawLog);
        try {
            return new ReleaseRun(request, attestation, httpSettings, clock, sleeper, gate, log).publish();
        } catch (PublishException e) {
            // The cause is left out: with -e or -X Maven prints a cause's own message, which never passed the gate.
            throw new PublishException(gate.redact(e.getMessage()), null);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.debug(trace.toString());
            throw new PublishException(gate.redact("The publish run stopped on an unexpected error: " + e
                    + ". Run with -X for the stack trace, and report it with the log."), null);
        }
    }
}
