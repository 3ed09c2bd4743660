package io.github.yogs0ddhoth.pypi.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Everything the publishing policy checked: one result per rule and file, passes included. */
public final class PolicyReport {
    private final List<PolicyResult> results;

    public PolicyReport(List<PolicyResult> results) {
        this.results = List.copyOf(results);
    }

    public List<PolicyResult> results() {
        return results;
    }

    public List<PolicyResult> failures() {
        return withStatus(PolicyResult.Status.FAIL);
    }

    public List<PolicyResult> warnings() {
        return withStatus(PolicyResult.Status.WARN);
    }

    /** The results of one rule. */
    public List<PolicyResult> of(PolicyRule rule) {
        return results.stream().filter(r -> r.rule() == rule).collect(Collectors.toList());
    }

    private List<PolicyResult> withStatus(PolicyResult.Status s) {
        return results.stream().filter(r -> r.status() == s).collect(Collectors.toList());
    }

    /** Whether the build must fail: any FAIL, or any WARN when {@code failOnWarning}. */
    public boolean hasErrors(boolean failOnWarning) {
        return results.stream().anyMatch(r -> r.effectiveStatus(failOnWarning) == PolicyResult.Status.FAIL);
    }

    /** One line per result, in rule order of evaluation, then a summary line. */
    public String render(boolean failOnWarning) {
        StringBuilder sb = new StringBuilder();
        for (PolicyResult r : results) {
            sb.append(r.render(failOnWarning)).append('\n');
        }
        long fails = results.stream().filter(r -> r.effectiveStatus(failOnWarning) == PolicyResult.Status.FAIL)
                .count();
        long warns = results.stream().filter(r -> r.effectiveStatus(failOnWarning) == PolicyResult.Status.WARN)
                .count();
        sb.append("Publishing policy: ").append(fails == 0 ? "PASSED" : "FAILED").append(" (")
                .append(results.size() - fails - warns).append(" passed, ").append(warns).append(" warning(s), ")
                .append(fails).append(" failure(s))");
        return sb.toString();
    }

    public String render() {
        return render(false);
    }

    @Override
    public String toString() {
        return render();
    }
}
