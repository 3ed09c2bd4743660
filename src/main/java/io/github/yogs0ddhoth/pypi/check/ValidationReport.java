package io.github.yogs0ddhoth.pypi.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the validator found about one release, every problem at once.
 *
 * @param files the files checked, as discovered (paths as strings), in upload order, then broken files
 * @param findings every finding: file findings in the order of {@code files}, then release-level ones
 */
public record ValidationReport(List<String> files, List<Finding> findings) {

    public ValidationReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    /** The findings that stop a release. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** The findings PyPI accepts but users may regret. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** Whether anything stops the release: then nothing may be uploaded. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings about one file ({@code file} as in {@link #files()}); {@code null} gives the release-level ones. */
    public List<Finding> findingsFor(String file) {
        return findings.stream().filter(f -> Objects.equals(f.file(), file)).toList();
    }

    /** The verdict on one file, in twine check's words. */
    public String verdict(String file) {
        List<Finding> mine = findingsFor(file);
        if (mine.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return "FAILED";
        }
        return mine.isEmpty() ? "PASSED" : "PASSED with warnings";
    }

    /**
     * The report as text, in the style of {@code twine check}: a line per file with PASSED, PASSED with warnings or
     * FAILED, each finding below it with its rule, message and fix; then the release as a whole; then a count.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        Set<String> shown = new LinkedHashSet<>(files);
        findings.stream().map(Finding::file).filter(Objects::nonNull).forEach(shown::add);
        for (String file : shown) {
            out.append("Checking ").append(file).append(": ").append(verdict(file)).append('\n');
            appendFindings(out, findingsFor(file));
        }
        List<Finding> release = findingsFor(null);
        out.append("Release as a whole: ").append(verdict(null)).append('\n');
        appendFindings(out, release);
        out.append(shown.size()).append(shown.size() == 1 ? " file" : " files").append(" checked: ")
                .append(errors().size()).append(errors().size() == 1 ? " error" : " errors").append(", ")
                .append(warnings().size()).append(warnings().size() == 1 ? " warning" : " warnings");
        if (hasErrors()) {
            out.append("; nothing may be published until every error is fixed");
        }
        return out.append('\n').toString();
    }

    private static void appendFindings(StringBuilder out, List<Finding> list) {
        for (Finding f : list) {
            out.append("  ").append(f.severity()).append(" [").append(f.rule()).append("] ").append(f.message())
                    .append('\n');
            out.append("    Fix: ").append(f.fix()).append('\n');
        }
    }
}
