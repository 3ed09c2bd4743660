package io.github.yogs0ddhoth.pypi.policy;

import java.util.ArrayList;
import java.util.List;

/** The rules for a GitHub Actions workflow that publishes, against the declared publisher. */
final class GitHubRules {
    /** A job of a workflow: its name and definition. */
    record Job(String name, YamlNode node) {
        String path() {
            return "jobs." + name;
        }
    }

    /** A parsed workflow file. */
    record Workflow(String display, YamlNode root) {
        YamlNode on() {
            // YAML 1.1 parsers read the bare key `on` as boolean true.
            YamlNode on = root.get("on");
            return on != null ? on : root.get("true");
        }

        String onKey() {
            return root.get("on") != null ? "on" : "true";
        }

        List<Job> jobs() {
            List<Job> out = new ArrayList<>();
            YamlNode jobs = root.get("jobs");
            if (jobs != null && jobs.isMap()) {
                jobs.entries().forEach((k, v) -> {
                    if (v.isMap()) {
                        out.add(new Job(k, v));
                    }
                });
            }
            return out;
        }

        List<Job> publishJobs() {
            List<Job> out = new ArrayList<>();
            for (Job j : jobs()) {
                if (publishStep(j) != null) {
                    out.add(j);
                }
            }
            return out;
        }

        List<Job> reusableCalls() {
            List<Job> out = new ArrayList<>();
            for (Job j : jobs()) {
                if (j.node().text("uses") != null) {
                    out.add(j);
                }
            }
            return out;
        }

        /** The node (a YAML value with a line) of a trigger, or {@code null}. */
        YamlNode trigger(String name) {
            YamlNode on = on();
            if (on == null) {
                return null;
            }
            if (on.isScalar()) {
                return name.equals(on.text()) ? on : null;
            }
            if (on.isList()) {
                for (YamlNode i : on.items()) {
                    if (name.equals(i.text())) {
                        return i;
                    }
                }
                return null;
            }
            if (on.isMap() && on.entries().containsKey(name)) {
                return YamlNode.scalar(on.keyLine(name), name);
            }
            return null;
        }
    }

    /** The first step of the job whose {@code run:} publishes, or {@code null}. */
    static YamlNode publishStep(Job job) {
        for (YamlNode step : steps(job)) {
            if (Commands.publishes(step.text("run"))) {
                return step;
            }
        }
        return null;
    }

    static List<YamlNode> steps(Job job) {
        YamlNode steps = job.node().get("steps");
        return steps != null && steps.isList() ? steps.items() : List.of();
    }

    /** How a {@code permissions:} value treats {@code id-token}. */
    enum Grant { UNSET, GRANTED, NOT_GRANTED }

    static Grant idTokenGrant(YamlNode permissions) {
        if (permissions == null) {
            return Grant.UNSET;
        }
        if (permissions.isScalar()) {
            return "write-all".equals(permissions.text()) ? Grant.GRANTED : Grant.NOT_GRANTED;
        }
        if (permissions.isMap()) {
            return "write".equals(permissions.text("id-token")) ? Grant.GRANTED : Grant.NOT_GRANTED;
        }
        return Grant.NOT_GRANTED;
    }

    private GitHubRules() {
    }

    /** Trigger rules, once per publishing workflow. */
    static void triggers(Workflow wf, PolicyFindings out) {
        YamlNode prt = wf.trigger("pull_request_target");
        if (prt != null) {
            out.add(PolicyResult.fail(PolicyRule.NO_PULL_REQUEST_TARGET, wf.display(), prt,
                    wf.onKey() + ".pull_request_target", "The publishing workflow runs on pull_request_target."
                            + " PyPI refuses it: \"Publishing from a workflow invoked via 'pull_request_target' is"
                            + " not supported.\"",
                    "Remove pull_request_target from this workflow's triggers; publish on a tag push, a release"
                            + " or workflow_dispatch, and run pull-request checks in another workflow."));
        } else {
            out.add(PolicyResult.pass(PolicyRule.NO_PULL_REQUEST_TARGET, wf.display(), "no pull_request_target"
                    + " trigger"));
        }
        YamlNode pr = wf.trigger("pull_request");
        if (pr != null) {
            out.add(PolicyResult.warn(PolicyRule.PULL_REQUEST_TRIGGER, wf.display(), pr, wf.onKey()
                    + ".pull_request", "The publishing workflow also runs on pull_request; runs for pull requests"
                            + " from forks get no OIDC token, and the publish job fails there.",
                    "Trigger the publishing workflow on tags, releases or workflow_dispatch only, or guard the"
                            + " publish job with `if: github.event_name != 'pull_request'`."));
        } else {
            out.add(PolicyResult.pass(PolicyRule.PULL_REQUEST_TRIGGER, wf.display(), "no pull_request trigger"));
        }
        YamlNode call = wf.trigger("workflow_call");
        if (call != null) {
            out.add(PolicyResult.warn(PolicyRule.REUSABLE_WORKFLOW, wf.display(), call, wf.onKey()
                    + ".workflow_call", "The publishing workflow is a reusable workflow (on: workflow_call)."
                            + " PyPI matches the token's job_workflow_ref, which names this called file, while"
                            + " attestations name the caller: no single publisher satisfies both.",
                    "Publish from a top-level workflow that is triggered directly (tag push, release,"
                            + " workflow_dispatch), and register that file on PyPI."));
        }
    }

    /** Least privilege on the workflow-level permissions, once per publishing workflow. */
    static void workflowPermissions(Workflow wf, Job publishJob, PolicyFindings out) {
        YamlNode perms = wf.root().get("permissions");
        if (idTokenGrant(perms) == Grant.GRANTED) {
            int line = perms.isMap() ? perms.keyLine("id-token") : perms.line();
            out.add(new PolicyResult(PolicyRule.ID_TOKEN_JOB_LEVEL, PolicyResult.Status.WARN, wf.display(), line,
                    perms.isMap() ? "permissions.id-token" : "permissions",
                    "`id-token: write` is granted to the whole workflow"
                            + (perms.isScalar() ? " (permissions: " + perms.text() + ")" : "")
                            + ", so every job in it can mint a PyPI token.",
                    "Remove it from the top-level `permissions:` and grant it on the publish job only:"
                            + " `jobs." + (publishJob == null ? "<publish>" : publishJob.name())
                            + ".permissions: {id-token: write, contents: read}`."));
        } else {
            out.add(PolicyResult.pass(PolicyRule.ID_TOKEN_JOB_LEVEL, wf.display(),
                    "id-token: write is not granted at workflow level"));
        }
    }

    /** The rules on the publish job chosen for one target. */
    static void job(Workflow wf, Job job, String declaredEnv, String prefix, PolicyFindings out) {
        String d = wf.display();
        // id-token: write. Job-level permissions replace the workflow's entirely.
        YamlNode jobPerms = job.node().get("permissions");
        YamlNode wfPerms = wf.root().get("permissions");
        Grant effective;
        String from;
        YamlNode at;
        if (jobPerms != null) {
            effective = idTokenGrant(jobPerms);
            from = "the job's own `permissions:` (which replace the workflow's)";
            at = jobPerms;
        } else if (wfPerms != null) {
            effective = idTokenGrant(wfPerms);
            from = "the workflow's `permissions:`";
            at = wfPerms;
        } else {
            effective = Grant.NOT_GRANTED;
            from = "the default token permissions (no `permissions:` anywhere)";
            at = job.node();
        }
        if (effective == Grant.GRANTED) {
            out.add(PolicyResult.pass(PolicyRule.ID_TOKEN_PERMISSION, d, prefix + "job '" + job.name()
                    + "' has id-token: write"));
        } else {
            String hint = jobPerms != null && idTokenGrant(wfPerms) == Grant.GRANTED
                    ? " The workflow-level grant does not reach this job." : "";
            out.add(PolicyResult.fail(PolicyRule.ID_TOKEN_PERMISSION, d, at, job.path() + ".permissions",
                    prefix + "Job '" + job.name() + "' runs the publish but does not get `id-token: write` from "
                            + from + "." + hint,
                    "Add to job '" + job.name() + "': `permissions: {id-token: write, contents: read}`."));
        }

        out.add(EnvironmentRule.check(EnvironmentRule.Ci.GITHUB, d, prefix, job.name(), job.path(), job.node(),
                job.node(), declaredEnv));

        // Least privilege: the publish job should not build.
        List<YamlNode> steps = steps(job);
        for (int i = 0; i < steps.size(); i++) {
            String run = steps.get(i).text("run");
            String build = Commands.buildCommand(run);
            if (build != null) {
                out.add(PolicyResult.warn(PolicyRule.SEPARATE_BUILD_JOB, d, steps.get(i).get("run"),
                        job.path() + ".steps[" + i + "].run", prefix + "Publish job '" + job.name()
                                + "' also builds the code (`" + build + "`), so the build's tools and"
                                + " dependencies run with the right to publish.",
                        "Build in a separate job without id-token, upload the files with"
                                + " actions/upload-artifact, and let job '" + job.name() + "' only download them"
                                + " (actions/download-artifact) and run `mvn pypi:pypi-publish`."));
                return;
            }
        }
        out.add(PolicyResult.pass(PolicyRule.SEPARATE_BUILD_JOB, d, prefix + "job '" + job.name()
                + "' does not build"));
    }

    /** Picks the publish job for a declared environment: the one using it, else the first. */
    static Job choose(List<Job> jobs, String declaredEnv) {
        return jobs.get(EnvironmentRule.choose(EnvironmentRule.Ci.GITHUB,
                jobs.stream().map(Job::node).toList(), declaredEnv));
    }
}
