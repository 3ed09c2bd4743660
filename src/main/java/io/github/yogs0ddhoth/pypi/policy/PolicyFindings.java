package io.github.yogs0ddhoth.pypi.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where every rule puts its results, in the order they were found. The same result reached twice (two targets
 * sharing a workflow, a file both declared and found) is kept once, so the report says each thing once.
 */
final class PolicyFindings {
    private final List<PolicyResult> results = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    void add(PolicyResult r) {
        String key = r.rule() + "|" + r.status() + "|" + r.file() + "|" + r.line() + "|" + r.message();
        if (seen.add(key)) {
            results.add(r);
        }
    }

    void addAll(List<PolicyResult> rs) {
        rs.forEach(this::add);
    }

    List<PolicyResult> results() {
        return List.copyOf(results);
    }
}
