package io.github.yogs0ddhoth.pypi.policy;

import java.util.List;

/**
 * The {@code environment-matches} rule, written once for every CI: the publish job's environment against the
 * declared publisher's. What differs between CIs is only how names compare and how a protected environment is made.
 */
final class EnvironmentRule {
    /** How a CI compares environment names, and what its users call a protected environment. */
    record Ci(boolean caseSensitive, String create, String comparison) {
        static final Ci GITHUB = new Ci(false, "Create a GitHub environment (e.g. `pypi`) with required reviewers", "");
        // PyPI compares GitLab environments as GitLab names them: case-sensitively.
        static final Ci GITLAB = new Ci(true, "Create a protected environment (e.g. `pypi`) with required approval",
                " (GitLab environments compare case-sensitively)");

        boolean same(String a, String b) {
            return a != null && b != null && (caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b));
        }
    }

    private EnvironmentRule() {
    }

    /** The environment a job names, as {@code environment: pypi} or {@code environment: {name: pypi}}; null if none. */
    static String of(YamlNode job) {
        YamlNode env = job.get("environment");
        if (env == null) {
            return null;
        }
        return env.isMap() ? env.text("name") : env.text();
    }

    /** The index of the job using the declared environment, else 0 (the first). */
    static int choose(Ci ci, List<YamlNode> jobs, String declared) {
        for (int i = 0; i < jobs.size(); i++) {
            if (ci.same(declared, of(jobs.get(i)))) {
                return i;
            }
        }
        return 0;
    }

    /**
     * One result for the job.
     *
     * @param jobAt where a missing {@code environment:} is reported: the job's own line
     * @param jobPath the job's path in the file, such as {@code jobs.publish}
     */
    static PolicyResult check(Ci ci, String display, String prefix, String jobName, String jobPath, YamlNode job,
            YamlNode jobAt, String declared) {
        String env = of(job);
        YamlNode envNode = job.get("environment");
        String path = jobPath + ".environment";
        if (env != null && env.contains("${{")) {
            return PolicyResult.warn(PolicyRule.ENVIRONMENT_MATCHES, display, envNode, path,
                    prefix + "Job '" + jobName + "' computes its environment (" + env + "); it cannot be checked"
                            + " against the declared '" + declared + "'.",
                    "Use a literal environment name equal to pypi.publisher.environment.");
        }
        if (declared == null && env == null) {
            return PolicyResult.warn(PolicyRule.ENVIRONMENT_MATCHES, display, jobAt, path,
                    prefix + "Neither the publisher nor job '" + jobName + "' names an environment. PyPI calls"
                            + " the environment optional but strongly recommended.",
                    ci.create() + ", set `environment: pypi` on job '" + jobName + "', register it on PyPI's"
                            + " publisher and declare pypi.publisher.environment=pypi.");
        }
        if (declared == null) {
            return PolicyResult.warn(PolicyRule.ENVIRONMENT_MATCHES, display, envNode, path,
                    prefix + "Job '" + jobName + "' uses environment '" + env + "', but no"
                            + " pypi.publisher.environment is declared, so nothing checks it stays in step with PyPI.",
                    "Declare pypi.publisher.environment=" + env + " and register the same environment on PyPI.");
        }
        if (env == null) {
            return PolicyResult.fail(PolicyRule.ENVIRONMENT_MATCHES, display, jobAt, path,
                    prefix + "Job '" + jobName + "' has no `environment:`, but the declared publisher has '"
                            + declared + "'; PyPI will refuse the token (invalid-publisher).",
                    "Add `environment: " + declared + "` to job '" + jobName + "'.");
        }
        if (!ci.same(env, declared)) {
            return PolicyResult.fail(PolicyRule.ENVIRONMENT_MATCHES, display, envNode, path,
                    prefix + "Job '" + jobName + "' uses environment '" + env + "', but the declared publisher"
                            + " has '" + declared + "'" + ci.comparison() + "; PyPI will refuse the token"
                            + " (invalid-publisher).",
                    "Rename the job's environment back to '" + declared + "', or, if the rename is intended,"
                            + " update the publisher on PyPI and pypi.publisher.environment together.");
        }
        return PolicyResult.pass(PolicyRule.ENVIRONMENT_MATCHES, display, prefix + "job '" + jobName
                + "' uses environment '" + env + "'");
    }
}
