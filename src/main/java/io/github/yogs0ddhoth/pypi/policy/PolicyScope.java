package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import java.util.List;
import java.util.Set;

/**
 * Which rules can be judged. Without a declared publisher there is nothing to compare the workflows with, so only
 * the rules that hold for every repository remain: no stored credentials, and CI files that parse.
 */
public final class PolicyScope {
    private static final Set<PolicyRule> WITHOUT_DECLARATION =
            Set.of(PolicyRule.NO_STORED_CREDENTIALS, PolicyRule.WORKFLOW_PARSES);

    private PolicyScope() {}

    public static boolean anyDeclared(List<PublishTarget> targets) {
        return targets.stream().map(PublishTarget::publisher)
                .anyMatch(p -> p != null && !p.equals(PublisherDeclaration.none()) && !p.isEmpty());
    }

    /** The report limited to what can be judged for these targets. */
    public static PolicyReport applicable(PolicyReport report, List<PublishTarget> targets) {
        if (anyDeclared(targets)) {
            return report;
        }
        return new PolicyReport(report.results().stream().filter(r -> WITHOUT_DECLARATION.contains(r.rule())).toList());
    }
}
