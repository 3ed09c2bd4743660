package io.github.yogs0ddhoth.pypi.report;

import io.github.yogs0ddhoth.pypi.distribution.DisplayName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The output gate of one publish run: every string that leaves the plugin (log line at any level, exception
 * message, annotation, job summary, step output, report) passes {@link #redact} on its way out.
 *
 * <p>It does two things. First, it replaces every secret of the run in every form the plugin holds it: as
 * obtained, trimmed, URL-encoded, and inside the HTTP Basic credentials built from it. Each form is registered the
 * moment the secret is obtained, and under GitHub Actions each is also announced with {@code ::add-mask::}, so the
 * runner hides it from anything logged later, even by other steps.
 *
 * <p>Second, it makes sure no text from outside (a file name, a server's message, a claim, an environment value)
 * can act as a workflow command. The runner obeys a command only at the start of a line, so carriage returns, the
 * Unicode line separators, other control characters and the bidirectional overrides are written as visible escapes,
 * exactly as {@link DisplayName} writes file names; a line feed is kept (the
 * plugin's own messages have several lines), but a line that would begin with {@code ::} or {@code ##[} is
 * prefixed, and the {@linkplain #redacting redacting log} sends each line as its own log call so the logger's
 * level prefix starts every line. The plugin's own commands are written by {@link WorkflowCommands}, never through
 * this gate, so they are the only lines that begin with {@code ::}.
 */
public final class SecretMasker {
    static final String REDACTED = "***";
    /** Values this short are not secrets worth masking, and replacing them would mangle ordinary text. */
    private static final int MIN_LENGTH = 8;
    /** Put before a line that would otherwise start with a workflow command's prefix. */
    static final String DEFUSED = "> ";

    private final WorkflowCommands commands;
    private final WorkflowCommands gatedCommands;
    /** Longest first, so that a secret inside a longer form of itself does not break the longer match. */
    private final Set<String> secrets = new ConcurrentSkipListSet<>(
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    /** @param commands null when not running under GitHub Actions */
    public SecretMasker(WorkflowCommands commands) {
        this.commands = commands;
        this.gatedCommands = commands == null ? null : commands.gatedBy(this::redact);
    }

    /** The workflow commands whose annotations pass this gate; null when not running under GitHub Actions. */
    public WorkflowCommands commands() {
        return gatedCommands;
    }

    /** Registers a secret in all its forms; safe to call from several threads and more than once. */
    public void register(String secret) {
        if (secret == null) {
            return;
        }
        for (String form : forms(secret)) {
            if (form.length() >= MIN_LENGTH && secrets.add(form) && commands != null) {
                commands.addMask(form);
            }
        }
    }

    /** The forms in which a secret can travel: as given, trimmed, URL-encoded, and as Basic credentials. */
    static List<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : List.of(secret, secret.strip())) {
            if (value.isEmpty()) {
                continue;
            }
            forms.add(value);
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            // PyPI's upload authentication is Basic with the user __token__; an index may echo the header.
            forms.add(basic("__token__:" + value));
            forms.add(basic(value));
        }
        return new ArrayList<>(forms);
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text with every registered secret replaced by {@code ***}, control characters other than line feed and
     * tab escaped, and each line that would start a workflow command defused.
     */
    public String redact(String text) {
        return text == null ? null : defuse(escapeControls(redactSecrets(text), false));
    }

    /**
     * Only the secrets replaced, every character else kept: for JSON, whose encoding already escapes every control
     * character, so that a machine reading report.json gets the file names as they are.
     */
    public String redactSecrets(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }

    /** {@link #redact}, then line feeds escaped too: for a table cell, a step output or a one-line field. */
    public String redactOneLine(String text) {
        return text == null ? null : oneLine(redactSecrets(text));
    }

    /** The text on one line: line feeds, carriage returns and every other control character escaped. */
    public static String oneLine(String text) {
        return text == null ? null : escapeControls(text, true);
    }

    private static String escapeControls(String text, boolean lineFeeds) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c, lineFeeds);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape == null) {
                    out.append(c);
                } else {
                    out.append(escape);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c, boolean lineFeeds) {
        if (!lineFeeds && (c == '\n' || c == '\t')) {
            return null;
        }
        return DisplayName.escape(c);
    }

    private static String defuse(String text) {
        if (!text.contains("::") && !text.contains("##[")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            String lead = line.stripLeading();
            if (lead.startsWith("::") || lead.startsWith("##[")) {
                out.append(DEFUSED);
            }
            out.append(line);
            if (end < 0) {
                break;
            }
            out.append('\n');
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * A log that passes every message through {@link #redact} and sends each of its lines as a log call of its
     * own, so that the logger's prefix ({@code [INFO] } in Maven) starts every line that reaches the job log.
     */
    public PublishLog redacting(PublishLog delegate) {
        return new PublishLog() {
            @Override
            public void debug(String message) {
                lines(message).forEach(delegate::debug);
            }

            @Override
            public void info(String message) {
                lines(message).forEach(delegate::info);
            }

            @Override
            public void warn(String message) {
                lines(message).forEach(delegate::warn);
            }

            @Override
            public void error(String message) {
                lines(message).forEach(delegate::error);
            }
        };
    }

    private List<String> lines(String message) {
        String safe = redact(message == null ? "null" : message);
        List<String> lines = List.of(safe.split("\n", -1));
        return lines.size() > 1 && lines.get(lines.size() - 1).isEmpty() ? lines.subList(0, lines.size() - 1) : lines;
    }
}
