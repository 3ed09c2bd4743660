package io.github.yogs0ddhoth.pypi.check;

import java.util.Objects;

/**
 * One thing wrong with a release or one of its files.
 *
 * @param severity whether PyPI would refuse it ({@link Severity#ERROR}) or accept it with regret
 * @param file the file (its path as discovered), or {@code null} for a finding about the release as a whole
 * @param rule a short stable identifier such as {@code zip-data-descriptor}; {@link Rule} lists them all
 * @param message what is wrong: the value seen and the value expected
 * @param fix what to do about it
 */
public record Finding(Severity severity, String file, String rule, String message, String fix) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** Whether this finding is about the release as a whole rather than one file. */
    public boolean isReleaseLevel() {
        return file == null;
    }

    /** One line for a log: {@code ERROR [rule] file: message Fix: fix}. */
    @Override
    public String toString() {
        return severity + " [" + rule + "] " + (file == null ? "release" : file) + ": " + message + " Fix: " + fix;
    }
}
