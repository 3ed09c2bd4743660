package io.github.yogs0ddhoth.pypi.report;

import java.io.PrintStream;
import java.util.function.UnaryOperator;

/**
 * GitHub Actions workflow commands. The runner only recognises a command at the start of a line of the step's
 * standard output, so these go straight to stdout rather than through Maven's logger, which prefixes "[INFO] ".
 * Annotations pass the run's output gate (see {@link SecretMasker#commands()}) and are kept short; the masks are
 * the one thing written as given, since redacting a secret before masking it would mask nothing.
 */
public final class WorkflowCommands {
    /** An annotation's text is cut here: the annotation points at the log, which has the whole story. */
    static final int MAX_ANNOTATION = 4096;

    private final PrintStream stdout;
    private final UnaryOperator<String> gate;

    public WorkflowCommands(PrintStream stdout) {
        this(stdout, UnaryOperator.identity());
    }

    private WorkflowCommands(PrintStream stdout, UnaryOperator<String> gate) {
        this.stdout = stdout;
        this.gate = gate;
    }

    /** The same stream, with every annotation's title and text passed through {@code gate} first. */
    WorkflowCommands gatedBy(UnaryOperator<String> gate) {
        return new WorkflowCommands(stdout, gate);
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
        emit("::error title=" + escapeProperty(gate.apply(title)) + "::" + escapeData(capped(gate.apply(message))));
    }

    public void warning(String title, String message) {
        emit("::warning title=" + escapeProperty(gate.apply(title)) + "::"
                + escapeData(capped(gate.apply(message))));
    }

    private static String capped(String message) {
        if (message == null || message.length() <= MAX_ANNOTATION) {
            return message;
        }
        return message.substring(0, MAX_ANNOTATION) + "\n... (" + (message.length() - MAX_ANNOTATION)
                + " more characters, see the log)";
    }

    private void emit(String line) {
        synchronized (stdout) {
            stdout.println(line);
            stdout.flush();
        }
    }

    static String escapeData(String s) {
        return String.valueOf(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
