package io.github.yogs0ddhoth.pypi.policy;

import java.util.Objects;

/**
 * The outcome of one rule on one file: a pass, or a finding.
 *
 * @param rule the rule
 * @param status PASS, WARN or FAIL
 * @param file the file, relative to the repository root ({@code .github/workflows/publish.yml}), or {@code null}
 * @param line the 1-based line, 0 when unknown
 * @param path the YAML path ({@code jobs.publish.environment}), or {@code null}
 * @param message what was seen; for a pass, what was checked
 * @param fix what to do; empty for a pass
 */
record PolicyResult(PolicyRule rule, Status status, String file, int line, String path, String message,
        String fix) {
    public enum Status { PASS, WARN, FAIL }

    public PolicyResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    static PolicyResult pass(PolicyRule rule, String file, String message) {
        return new PolicyResult(rule, Status.PASS, file, 0, null, message, "");
    }

    static PolicyResult warn(PolicyRule rule, String file, YamlNode at, String path, String message, String fix) {
        return new PolicyResult(rule, Status.WARN, file, at == null ? 0 : at.line(), path, message, fix);
    }

    static PolicyResult fail(PolicyRule rule, String file, YamlNode at, String path, String message, String fix) {
        return new PolicyResult(rule, Status.FAIL, file, at == null ? 0 : at.line(), path, message, fix);
    }

    /** The status as it counts: with {@code failOnWarning}, a WARN is a FAIL. */
    public Status effectiveStatus(boolean failOnWarning) {
        return failOnWarning && status == Status.WARN ? Status.FAIL : status;
    }

    /** {@code file:line}, {@code file}, or {@code -}. */
    public String where() {
        if (file == null) {
            return "-";
        }
        String w = line > 0 ? file + ":" + line : file;
        return path == null ? w : w + " (" + path + ")";
    }

    /** One report line: {@code FAIL [rule] file:line (path): message Why: reason Fix: fix}; passes carry no fix. */
    public String render(boolean failOnWarning) {
        StringBuilder sb = new StringBuilder().append(effectiveStatus(failOnWarning)).append(" [")
                .append(rule.id()).append("] ").append(file == null ? "" : where() + ": ").append(message);
        if (status != Status.PASS) {
            if (!message.contains(rule.reason())) {
                sb.append(" Why: ").append(rule.reason());
            }
            sb.append(" Fix: ").append(fix);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render(false);
    }
}
