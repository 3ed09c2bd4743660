package io.github.yogs0ddhoth.pypi.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GitHub Actions flow for one target: find the declared workflow (or the one that publishes), follow a reusable
 * call, pick the publish job, and run {@link GitHubRules} on it.
 */
final class GitHubPolicy {
    static final String GITHUB_DIR = ".github/workflows/";

    private final CiDocuments docs;
    private final PolicyFindings out;

    GitHubPolicy(CiDocuments docs, PolicyFindings out) {
        this.docs = docs;
        this.out = out;
    }

    /** The workflow file of that name under {@code .github/workflows}, or null. */
    Path gitHubWorkflow(String name) {
        for (Path p : docs.files.gitHubWorkflows()) {
            if (p.getFileName().toString().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private GitHubRules.Workflow workflow(Path p) {
        YamlNode root = docs.parse(p);
        return root == null ? null : new GitHubRules.Workflow(docs.files.display(p), root);
    }

    void check(PublishTarget t, String prefix) {
        String declared = t.publisher().workflow() == null ? null : CiDocuments.normalise(t.publisher().workflow());
        if (declared != null && declared.startsWith(GITHUB_DIR)) {
            declared = declared.substring(GITHUB_DIR.length());
        }
        List<GitHubRules.Workflow> publishing = new ArrayList<>();
        for (Path p : docs.files.gitHubWorkflows()) {
            GitHubRules.Workflow wf = workflow(p);
            if (wf != null && !wf.publishJobs().isEmpty()) {
                publishing.add(wf);
            }
        }
        String publishingNames = publishing.isEmpty() ? "none"
                : publishing.stream().map(GitHubRules.Workflow::display).collect(Collectors.joining(", "));
        GitHubRules.Workflow wf;
        if (declared == null) {
            if (publishing.isEmpty()) {
                out.add(new PolicyResult(PolicyRule.PUBLISH_JOB_PRESENT, PolicyResult.Status.FAIL, GITHUB_DIR, 0, null,
                        prefix + "No workflow has a step that runs mvn/mvnw with deploy or pypi:pypi-publish.",
                        "Add a publish job to the workflow registered on PyPI and declare it as"
                                + " pypi.publisher.workflow."));
                return;
            }
            wf = publishing.get(0);
            String name = wf.display().substring(wf.display().lastIndexOf('/') + 1);
            out.add(new PolicyResult(PolicyRule.DECLARED_WORKFLOW_EXISTS, PolicyResult.Status.WARN, wf.display(), 0,
                    null, prefix + "No pypi.publisher.workflow is declared; checking " + wf.display()
                            + ", the workflow that publishes.",
                    "Declare pypi.publisher.workflow=" + name + " (and .repository, .environment) as registered on"
                            + " PyPI, so a rename fails the build instead of the release."));
        } else {
            Path p = gitHubWorkflow(declared);
            if (p == null) {
                out.add(new PolicyResult(PolicyRule.DECLARED_WORKFLOW_EXISTS, PolicyResult.Status.FAIL,
                        GITHUB_DIR + declared, 0, null, prefix + "The declared publisher's workflow " + GITHUB_DIR
                                + declared + " does not exist" + docs.caseHint(GITHUB_DIR + declared)
                                + ". Workflows that publish: " + publishingNames + ".",
                        "PyPI trusts the workflow by file name: restore " + GITHUB_DIR + declared + ", or, if it was"
                                + " renamed on purpose, update the publisher on PyPI and"
                                + " pypi.publisher.workflow together."));
                return;
            }
            wf = workflow(p);
            if (wf == null) {
                return; // workflow-parses already failed
            }
            out.add(PolicyResult.pass(PolicyRule.DECLARED_WORKFLOW_EXISTS, wf.display(), prefix + "declared workflow"
                    + " exists"));
        }
        GitHubRules.triggers(wf, out);
        List<GitHubRules.Job> jobs = wf.publishJobs();
        GitHubRules.Workflow jobWf = wf;
        if (jobs.isEmpty()) {
            for (GitHubRules.Job call : wf.reusableCalls()) {
                String uses = call.node().text("uses");
                GitHubRules.Workflow called = uses.startsWith("./") ? localWorkflow(uses) : null;
                out.add(PolicyResult.warn(PolicyRule.REUSABLE_WORKFLOW, wf.display(), call.node().get("uses"),
                        call.path() + ".uses", prefix + "Job '" + call.name() + "' calls the reusable workflow "
                                + uses + ". PyPI matches the token's job_workflow_ref, which names the called file,"
                                + " not " + wf.display() + "; reusable workflows are not supported by trusted"
                                + " publishing.",
                        "Move the publish job into " + wf.display() + " itself (a top-level job with a step"
                                + " running `mvn pypi:pypi-publish`), keeping the build in the reusable"
                                + " workflow if you like."));
                if (called != null && jobs.isEmpty() && !called.publishJobs().isEmpty()) {
                    jobWf = called;
                    jobs = called.publishJobs();
                }
            }
        }
        if (jobs.isEmpty()) {
            out.add(PolicyResult.fail(PolicyRule.PUBLISH_JOB_PRESENT, wf.display(), wf.root().get("jobs"), "jobs",
                    prefix + "No job in " + wf.display() + " has a step that runs mvn/mvnw with deploy or"
                            + " pypi:pypi-publish. Workflows that publish: " + publishingNames + ".",
                    "Add the publish job to " + wf.display() + ", or register the workflow that publishes on PyPI"
                            + " and declare it as pypi.publisher.workflow."));
            return;
        }
        GitHubRules.Job job = GitHubRules.choose(jobs, t.publisher().environment());
        out.add(PolicyResult.pass(PolicyRule.PUBLISH_JOB_PRESENT, jobWf.display(), prefix + "job '" + job.name()
                + "' runs the publish"));
        GitHubRules.job(jobWf, job, t.publisher().environment(), prefix, out);
        GitHubRules.workflowPermissions(jobWf, job, out);
    }

    private GitHubRules.Workflow localWorkflow(String uses) {
        if (docs.files.root() == null) {
            return null;
        }
        String rel = uses.substring(2);
        int at = rel.indexOf('@');
        rel = at >= 0 ? rel.substring(0, at) : rel;
        // The value comes from the workflow file: it may be a name this file system cannot hold.
        Path p = WorkflowLocator.exactFile(docs.files.root(), rel);
        return p != null ? workflow(p) : null;
    }
}
