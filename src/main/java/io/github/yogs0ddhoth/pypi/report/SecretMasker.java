package io.github.yogs0ddhoth.pypi.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every secret of one publish run out of what the run prints. Each secret is registered the moment it is
 * obtained: under GitHub Actions that first prints {@code ::add-mask::}, so the runner hides it from anything
 * logged later; everywhere, the {@link #redact} pass replaces it (and the Basic-auth form built from it) in any
 * text the plugin itself writes, as a second line of defence.
 */
public final class SecretMasker {
    static final String REDACTED = "***";
    /** Values this short are not secrets worth masking, and replacing them would mangle ordinary text. */
    private static final int MIN_LENGTH = 8;

    private final WorkflowCommands commands;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** @param commands null when not running under GitHub Actions */
    public SecretMasker(WorkflowCommands commands) {
        this.commands = commands;
    }

    public void register(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || !secrets.add(secret)) {
            return;
        }
        String basic = Base64.getEncoder()
                .encodeToString(("__token__:" + secret).getBytes(StandardCharsets.UTF_8));
        secrets.add(basic);
        if (commands != null) {
            commands.addMask(secret);
            commands.addMask(basic);
        }
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }

    /** A log that passes every line through {@link #redact} before it reaches {@code delegate}. */
    public PublishLog redacting(PublishLog delegate) {
        return new PublishLog() {
            @Override
            public void debug(String message) {
                delegate.debug(redact(message));
            }

            @Override
            public void info(String message) {
                delegate.info(redact(message));
            }

            @Override
            public void warn(String message) {
                delegate.warn(redact(message));
            }

            @Override
            public void error(String message) {
                delegate.error(redact(message));
            }
        };
    }
}
