package io.github.yogs0ddhoth.pypi.report;

import java.io.PrintStream;

/**
 * GitHub Actions workflow commands. The runner only recognises a command at the start of a line of the step's
 * standard output, so these go straight to stdout rather than through Maven's logger, which prefixes "[INFO] ".
 */
public final class WorkflowCommands {
    private final PrintStream stdout;

    public WorkflowCommands(PrintStream stdout) {
        this.stdout = stdout;
    }

    /** Masks a value in everything the job logs from now on; multi-line values are masked line by line. */
    public void addMask(String secret) {
        for (String line : secret.split("\r?\n")) {
            if (!line.isEmpty()) {
                emit("::add-mask::" + escapeData(line));
            }
        }
    }

    public void error(String title, String message) {
        emit("::error title=" + escapeProperty(title) + "::" + escapeData(message));
    }

    public void warning(String title, String message) {
        emit("::warning title=" + escapeProperty(title) + "::" + escapeData(message));
    }

    private void emit(String line) {
        synchronized (stdout) {
            stdout.println(line);
            stdout.flush();
        }
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
