package io.github.yogs0ddhoth.pypi.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The GitLab CI/CD flow for one target: find the declared pipeline file, pick the publish job, and run
 * {@link GitLabRules} on it.
 */
final class GitLabPolicy {
    private final CiDocuments docs;
    private final PolicyFindings out;

    GitLabPolicy(CiDocuments docs, PolicyFindings out) {
        this.docs = docs;
        this.out = out;
    }

    void check(PublishTarget t, String prefix) {
        String declared = t.publisher().workflow() == null ? ".gitlab-ci.yml"
                : CiDocuments.normalise(t.publisher().workflow());
        Path p = docs.files.root() == null ? null : WorkflowLocator.exactFile(docs.files.root(), declared);
        if (p == null) {
            out.add(new PolicyResult(PolicyRule.DECLARED_WORKFLOW_EXISTS, PolicyResult.Status.FAIL, declared, 0, null,
                    prefix + "The declared publisher's pipeline file " + declared + " does not exist"
                            + docs.caseHint(declared) + ".",
                    "PyPI trusts the top-level pipeline file by path: restore " + declared + ", or update the"
                            + " publisher on PyPI and pypi.publisher.workflow together."));
            return;
        }
        String d = docs.files.display(p);
        out.add(PolicyResult.pass(PolicyRule.DECLARED_WORKFLOW_EXISTS, d, prefix + "declared pipeline file exists"));
        YamlNode root = docs.parse(p);
        if (root == null) {
            return;
        }
        List<GitLabRules.Job> jobs = new ArrayList<>();
        for (GitLabRules.Job j : GitLabRules.jobs(root)) {
            if (GitLabRules.publishes(j)) {
                jobs.add(j);
            }
        }
        if (jobs.isEmpty()) {
            out.add(new PolicyResult(PolicyRule.PUBLISH_JOB_PRESENT, PolicyResult.Status.FAIL, d, 0, null,
                    prefix + "No job's script runs mvn/mvnw with deploy or pypi:pypi-publish.",
                    "Add a publish job to " + d + " whose script runs `mvn pypi:pypi-publish`."));
            return;
        }
        GitLabRules.Job job = GitLabRules.choose(jobs, t.publisher().environment());
        out.add(PolicyResult.pass(PolicyRule.PUBLISH_JOB_PRESENT, d, prefix + "job '" + job.name() + "' runs the"
                + " publish"));
        GitLabRules.job(d, job, t, prefix, out);
    }
}
