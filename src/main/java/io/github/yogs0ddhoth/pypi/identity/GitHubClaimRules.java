package io.github.yogs0ddhoth.pypi.identity;

import static io.github.yogs0ddhoth.pypi.identity.ClaimFindings.show;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyPI's matching rules for a GitHub Actions token (warehouse {@code oidc/models/github.py}), applied to the
 * declared publisher before the exchange.
 */
final class GitHubClaimRules {
    /** PyPI takes the workflow file from {@code job_workflow_ref} with this expression. */
    private static final Pattern WORKFLOW_FILE = Pattern.compile("([^/]+\\.(yml|yaml))(?=@)");
    private static final String WORKFLOWS_DIR = "/.github/workflows/";

    private GitHubClaimRules() {}

    static void apply(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String repository = token.claim("repository");
        String jobWorkflowRef = token.claim("job_workflow_ref");
        checkEvent(token, findings);
        checkRepository(token, declared, findings);
        checkWorkflowFile(token, declared, findings);
        checkWorkflowRepository(repository, jobWorkflowRef, findings);
        checkWorkflowRef(token, jobWorkflowRef, findings);
        checkEnvironment(token, declared, findings);
        warnReusableWorkflow(token, findings);
        warnUndeclared(token, declared, findings);
    }

    /** The workflow file name PyPI will match, e.g. {@code publish.yml}, or null. */
    static String workflowFile(String jobWorkflowRef) {
        if (jobWorkflowRef == null) {
            return null;
        }
        Matcher m = WORKFLOW_FILE.matcher(jobWorkflowRef);
        return m.find() ? m.group(1) : null;
    }

    private static void checkEvent(IdToken token, ClaimFindings findings) {
        if (GitHubContext.PULL_REQUEST_TARGET.equals(token.claim("event_name"))) {
            findings.mismatch("event_name", "any event but pull_request_target", "pull_request_target",
                    "PyPI refuses every token from a run triggered by pull_request_target: it runs with the base"
                            + " repository's permissions for code anyone can propose.",
                    "Publish from a tag push, a release or workflow_dispatch, in a job pull requests cannot"
                            + " trigger.");
        }
    }

    private static void checkRepository(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String wanted = declared.repository();
        if (wanted == null) {
            return;
        }
        String repository = token.claim("repository");
        if (!wanted.equalsIgnoreCase(show(repository))) {
            findings.mismatch("repository", wanted, repository,
                    "PyPI compares the repository claim with the registered owner/repository, ignoring case.",
                    wanted.contains("/")
                            ? "Publish from " + wanted + " (not a fork or a copy), or, if the repository was renamed"
                                    + " or moved, update pypi.publisher.repository and the publisher on PyPI."
                            : "Declare pypi.publisher.repository as owner/repository, e.g. " + show(repository) + ".");
        }
        int slash = wanted.indexOf('/');
        String owner = token.claim("repository_owner");
        if (slash > 0 && !wanted.substring(0, slash).equalsIgnoreCase(show(owner))) {
            findings.mismatch("repository_owner", wanted.substring(0, slash), owner,
                    "PyPI requires the owner registered with the publisher; it also pins that account's numeric"
                            + " id (repository_owner_id=" + show(token.claim("repository_owner_id")) + "), so a"
                            + " re-created or renamed account does not match either.",
                    "If the repository moved to " + show(owner) + ", register the publisher again under that"
                            + " owner and update pypi.publisher.repository.");
        }
    }

    private static void checkWorkflowFile(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String wanted = declared.gitHubWorkflowFile();
        if (wanted == null) {
            return;
        }
        String jobWorkflowRef = token.claim("job_workflow_ref");
        String actual = workflowFile(jobWorkflowRef);
        if (wanted.equals(actual)) {
            return;
        }
        String caller = workflowFile(token.claim("workflow_ref"));
        String fix;
        if (actual != null && wanted.equals(caller)) {
            fix = "This job runs in the reusable workflow " + actual + ", called from " + caller + ". PyPI matches"
                    + " the called file, so register and declare '" + actual + "' (or move the publish job into "
                    + caller + " itself).";
        } else if (actual != null && wanted.equalsIgnoreCase(actual)) {
            fix = "Only the case differs: GitHub file names are case-sensitive. Declare and register '" + actual
                    + "'.";
        } else {
            fix = "Run the publish job from .github/workflows/" + wanted + ", or, if the workflow was renamed to "
                    + show(actual) + ", update pypi.publisher.workflow and the publisher on PyPI.";
        }
        findings.mismatch("job_workflow_ref", wanted, jobWorkflowRef == null ? null : actual + "  (" + jobWorkflowRef
                + ")", "PyPI takes the workflow file name from job_workflow_ref (the file that runs this job) and"
                        + " compares it exactly with the registered one.", fix);
    }

    private static void checkWorkflowRepository(String repository, String jobWorkflowRef, ClaimFindings findings) {
        if (repository == null || jobWorkflowRef == null) {
            return;
        }
        int dir = jobWorkflowRef.indexOf(WORKFLOWS_DIR);
        String workflowRepository = dir < 0 ? jobWorkflowRef : jobWorkflowRef.substring(0, dir);
        if (!workflowRepository.equalsIgnoreCase(repository)) {
            findings.mismatch("job_workflow_ref", repository + WORKFLOWS_DIR + "…", jobWorkflowRef,
                    "PyPI requires the workflow that runs the job to live in the publishing repository.",
                    "The job runs a reusable workflow from " + workflowRepository + ". Move the publish job into"
                            + " a workflow of " + repository + " itself.");
        }
    }

    private static void checkWorkflowRef(IdToken token, String jobWorkflowRef, ClaimFindings findings) {
        if (jobWorkflowRef == null) {
            findings.mismatch("job_workflow_ref", "OWNER/REPO/.github/workflows/FILE@REF", null,
                    "PyPI requires job_workflow_ref: it is how it finds the workflow file.",
                    "This does not look like a token from a GitHub Actions job; re-run it on GitHub-hosted or"
                            + " self-hosted runners of github.com.");
            return;
        }
        findings.refEndsWithRunRef(token, "job_workflow_ref", jobWorkflowRef, "ref", "run",
                "Trigger the publish job from a branch or tag (push, release, workflow_dispatch).",
                "The job's workflow was taken from another ref than the one that triggered the run (a reusable"
                        + " workflow pinned to a tag or branch). Call it at the run's own ref, or move the publish"
                        + " job into the triggering workflow.");
    }

    private static void checkEnvironment(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String wanted = declared.environment();
        String actual = token.claim("environment");
        if (wanted == null) {
            return;
        }
        if (actual == null) {
            findings.mismatch("environment", wanted, null,
                    "A publisher registered with an environment only matches tokens of jobs running in it"
                            + " (compared ignoring case).",
                    "Add 'environment: " + wanted + "' to the publishing job (next to 'permissions:'), or, if the"
                            + " publisher on PyPI has no environment, remove pypi.publisher.environment.");
        } else if (!wanted.equalsIgnoreCase(actual)) {
            findings.mismatch("environment", wanted, actual,
                    "PyPI compares the environment with the registered one, ignoring case.",
                    "Set the publishing job's 'environment:' to '" + wanted + "', or, if '" + actual + "' is"
                            + " right, change pypi.publisher.environment and the publisher on PyPI.");
        }
    }

    private static void warnReusableWorkflow(IdToken token, ClaimFindings findings) {
        String workflowRef = token.claim("workflow_ref");
        String jobWorkflowRef = token.claim("job_workflow_ref");
        if (workflowRef == null || jobWorkflowRef == null || workflowRef.equals(jobWorkflowRef)) {
            return;
        }
        findings.warn("Publishing from a reusable workflow",
                "This job runs in a reusable workflow: job_workflow_ref is " + jobWorkflowRef + ", while the"
                        + " calling workflow (workflow_ref) is " + workflowRef + ". PyPI matches the publisher"
                        + " against job_workflow_ref, so the workflow file PyPI will match is '"
                        + show(workflowFile(jobWorkflowRef)) + "', not '" + show(workflowFile(workflowRef))
                        + "'. PyPI does not officially support reusable workflows for trusted publishing, and"
                        + " PEP 740 attestations made from one fail verification (they name the calling workflow)."
                        + " Prefer a publish job in the top-level workflow. See"
                        + " https://docs.pypi.org/trusted-publishers/troubleshooting/#reusable-workflows-on-github");
    }

    private static void warnUndeclared(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String env = token.claim("environment");
        findings.warnUndeclared(declared, token.claim("repository"), workflowFile(token.claim("job_workflow_ref")),
                env == null ? null : "the job runs in '" + env + "'; PyPI prefers a publisher registered with it,"
                        + " and e-mails the owners when an environment-less publisher is used from an environment");
    }
}
