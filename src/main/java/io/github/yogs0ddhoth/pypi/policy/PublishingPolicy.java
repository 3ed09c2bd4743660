package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.policy.WorkflowLocator.CiFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishing policy as code: checks the repository's CI definitions against the declared trusted publishers, offline.
 * Maven-free; the {@code check} and {@code pypi-publish} goals call {@link #check(Path, Path, List)}.
 */
public final class PublishingPolicy {
    private static final String GITHUB_DIR = ".github/workflows/";

    private final CiFiles files;
    private final List<PolicyResult> out = new ArrayList<>();
    private final Map<Path, YamlNode> parsed = new LinkedHashMap<>();
    private final Set<String> seen = new LinkedHashSet<>();

    private PublishingPolicy(CiFiles files) {
        this.files = files;
    }

    /**
     * Locates the CI files (see {@link WorkflowLocator#locate}) and checks them.
     *
     * @param basedir where to start looking for the repository root
     * @param workflowsDirectory {@code pypi.workflowsDirectory}, or {@code null}
     * @param targets one per index the build publishes to, each with its declared publisher
     */
    public static PolicyReport check(Path basedir, Path workflowsDirectory, List<PublishTarget> targets)
            throws IOException {
        return check(WorkflowLocator.locate(basedir, workflowsDirectory), targets);
    }

    /** Checks already located CI files against the targets' declared publishers. */
    public static PolicyReport check(CiFiles files, List<PublishTarget> targets) {
        PublishingPolicy p = new PublishingPolicy(files);
        p.run(targets);
        return new PolicyReport(p.out);
    }

    private void add(PolicyResult r) {
        String key = r.rule() + "|" + r.status() + "|" + r.file() + "|" + r.line() + "|" + r.message();
        if (seen.add(key)) {
            out.add(r);
        }
    }

    private void addAll(List<PolicyResult> rs) {
        rs.forEach(this::add);
    }

    private void run(List<PublishTarget> targets) {
        if (files.isEmpty()) {
            add(new PolicyResult(PolicyRule.CI_CONFIG_FOUND, PolicyResult.Status.WARN, null, 0, null,
                    "No .github/workflows/*.yml|*.yaml and no .gitlab-ci.yml found (" + files.searched()
                            + "); the publishing setup was not checked.",
                    "Run the build inside the repository, or point pypi.workflowsDirectory at the directory"
                            + " holding the workflows."));
            return;
        }
        add(PolicyResult.pass(PolicyRule.CI_CONFIG_FOUND, null, files.all().size() + " CI file(s) in "
                + files.searched()));
        readAll();
        targets = targets.isEmpty() ? List.of(new PublishTarget(null, null)) : targets;
        boolean several = targets.size() > 1;
        for (PublishTarget t : targets) {
            String prefix = several ? "[" + t.label() + "] " : "";
            switch (ci(t)) {
                case GITHUB:
                    gitHub(t, prefix);
                    break;
                case GITLAB:
                    gitLab(t, prefix);
                    break;
                default:
                    break;
            }
        }
        separateEnvironments(targets);
    }

    /** Parses every file, and applies the no-stored-credentials rule to each. */
    private void readAll() {
        List<PolicyResult> creds = new ArrayList<>();
        for (Path f : files.all()) {
            String d = files.display(f);
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                add(new PolicyResult(PolicyRule.WORKFLOW_PARSES, PolicyResult.Status.FAIL, d, 0, null,
                        "Cannot read: " + e.getMessage(), "Make the file readable UTF-8."));
                continue;
            }
            creds.addAll(CredentialRules.scanText(d, text));
            YamlNode root = parse(f, d, text);
            if (root != null && !f.equals(files.gitLabCi())) {
                creds.addAll(CredentialRules.scanGitHubSteps(d, root));
            }
        }
        if (creds.isEmpty()) {
            add(PolicyResult.pass(PolicyRule.NO_STORED_CREDENTIALS, null, "no stored PyPI credential in "
                    + files.all().size() + " CI file(s)"));
        } else {
            creds.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line())
                    : a.file().compareTo(b.file()));
            addAll(creds);
        }
    }

    private YamlNode parse(Path f, String d, String text) {
        if (parsed.containsKey(f)) {
            return parsed.get(f);
        }
        YamlNode root = null;
        try {
            YamlNode n = YamlReader.read(text);
            if (n.isMap()) {
                root = n;
            } else {
                add(new PolicyResult(PolicyRule.WORKFLOW_PARSES, PolicyResult.Status.FAIL, d, n.line(), null,
                        "The file is not a YAML mapping.", "Fix the file: a CI definition is a mapping of keys."));
            }
        } catch (YamlReader.YamlException e) {
            add(new PolicyResult(PolicyRule.WORKFLOW_PARSES, PolicyResult.Status.FAIL, d, e.line(), null,
                    "Not valid YAML: " + e.getMessage(), "Fix the YAML syntax at the line shown."));
        }
        parsed.put(f, root);
        return root;
    }

    private YamlNode parse(Path f) {
        if (parsed.containsKey(f)) {
            return parsed.get(f);
        }
        try {
            return parse(f, files.display(f), Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            parsed.put(f, null);
            return null;
        }
    }

    private enum Ci { GITHUB, GITLAB, NONE }

    private static String normalise(String workflow) {
        String w = workflow;
        while (w.startsWith("./") || w.startsWith("/")) {
            w = w.substring(w.startsWith("./") ? 2 : 1);
        }
        return w;
    }

    private Ci ci(PublishTarget t) {
        String w = t.publisher().workflow();
        if (w == null) {
            if (t.publisher().email() != null && t.publisher().repository() == null) {
                return Ci.NONE; // Google Cloud: no workflow file to check.
            }
            return !files.gitHubWorkflows().isEmpty() ? Ci.GITHUB : files.gitLabCi() != null ? Ci.GITLAB : Ci.NONE;
        }
        w = normalise(w);
        if (w.startsWith(GITHUB_DIR)) {
            return Ci.GITHUB;
        }
        if (w.endsWith(".gitlab-ci.yml") || w.contains("/")) {
            return Ci.GITLAB;
        }
        if (gitHubWorkflow(w) != null || files.gitHubWorkflows().isEmpty() && files.root() != null
                && Files.isRegularFile(files.root().resolve(w)) && files.gitLabCi() != null) {
            return gitHubWorkflow(w) != null ? Ci.GITHUB : Ci.GITLAB;
        }
        return Ci.GITHUB;
    }

    private Path gitHubWorkflow(String name) {
        for (Path p : files.gitHubWorkflows()) {
            if (p.getFileName().toString().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private GitHubRules.Workflow workflow(Path p) {
        YamlNode root = parse(p);
        return root == null ? null : new GitHubRules.Workflow(files.display(p), root);
    }

    private void gitHub(PublishTarget t, String prefix) {
        String declared = t.publisher().workflow() == null ? null : normalise(t.publisher().workflow());
        if (declared != null && declared.startsWith(GITHUB_DIR)) {
            declared = declared.substring(GITHUB_DIR.length());
        }
        List<GitHubRules.Workflow> publishing = new ArrayList<>();
        for (Path p : files.gitHubWorkflows()) {
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
                add(new PolicyResult(PolicyRule.PUBLISH_JOB_PRESENT, PolicyResult.Status.FAIL, GITHUB_DIR, 0, null,
                        prefix + "No workflow has a step that runs mvn/mvnw with deploy or pypi:pypi-publish.",
                        "Add a publish job to the workflow registered on PyPI and declare it as"
                                + " pypi.publisher.workflow."));
                return;
            }
            wf = publishing.get(0);
            String name = wf.display().substring(wf.display().lastIndexOf('/') + 1);
            add(new PolicyResult(PolicyRule.DECLARED_WORKFLOW_EXISTS, PolicyResult.Status.WARN, wf.display(), 0,
                    null, prefix + "No pypi.publisher.workflow is declared; checking " + wf.display()
                            + ", the workflow that publishes.",
                    "Declare pypi.publisher.workflow=" + name + " (and .repository, .environment) as registered on"
                            + " PyPI, so a rename fails the build instead of the release."));
        } else {
            Path p = gitHubWorkflow(declared);
            if (p == null) {
                add(new PolicyResult(PolicyRule.DECLARED_WORKFLOW_EXISTS, PolicyResult.Status.FAIL,
                        GITHUB_DIR + declared, 0, null, prefix + "The declared publisher's workflow " + GITHUB_DIR
                                + declared + " does not exist. Workflows that publish: " + publishingNames + ".",
                        "PyPI trusts the workflow by file name: restore " + GITHUB_DIR + declared + ", or, if it was"
                                + " renamed on purpose, update the publisher on PyPI and"
                                + " pypi.publisher.workflow together."));
                return;
            }
            wf = workflow(p);
            if (wf == null) {
                return; // workflow-parses already failed
            }
            add(PolicyResult.pass(PolicyRule.DECLARED_WORKFLOW_EXISTS, wf.display(), prefix + "declared workflow"
                    + " exists"));
        }
        GitHubRules.triggers(wf, collector());
        List<GitHubRules.Job> jobs = wf.publishJobs();
        GitHubRules.Workflow jobWf = wf;
        if (jobs.isEmpty()) {
            for (GitHubRules.Job call : wf.reusableCalls()) {
                String uses = call.node().text("uses");
                GitHubRules.Workflow called = uses.startsWith("./") ? localWorkflow(uses) : null;
                add(PolicyResult.warn(PolicyRule.REUSABLE_WORKFLOW, wf.display(), call.node().get("uses"),
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
            add(PolicyResult.fail(PolicyRule.PUBLISH_JOB_PRESENT, wf.display(), wf.root().get("jobs"), "jobs",
                    prefix + "No job in " + wf.display() + " has a step that runs mvn/mvnw with deploy or"
                            + " pypi:pypi-publish. Workflows that publish: " + publishingNames + ".",
                    "Add the publish job to " + wf.display() + ", or register the workflow that publishes on PyPI"
                            + " and declare it as pypi.publisher.workflow."));
            return;
        }
        GitHubRules.Job job = GitHubRules.choose(jobs, t.publisher().environment());
        add(PolicyResult.pass(PolicyRule.PUBLISH_JOB_PRESENT, jobWf.display(), prefix + "job '" + job.name()
                + "' runs the publish"));
        GitHubRules.job(jobWf, job, t.publisher().environment(), prefix, collector());
        GitHubRules.workflowPermissions(jobWf, job, collector());
    }

    private GitHubRules.Workflow localWorkflow(String uses) {
        if (files.root() == null) {
            return null;
        }
        String rel = uses.substring(2);
        int at = rel.indexOf('@');
        rel = at >= 0 ? rel.substring(0, at) : rel;
        Path p = files.root().resolve(rel).normalize();
        return Files.isRegularFile(p) && p.startsWith(files.root()) ? workflow(p) : null;
    }

    private void gitLab(PublishTarget t, String prefix) {
        String declared = t.publisher().workflow() == null ? ".gitlab-ci.yml" : normalise(t.publisher().workflow());
        Path p = files.root() == null ? null : files.root().resolve(declared).normalize();
        if (p == null || !Files.isRegularFile(p)) {
            add(new PolicyResult(PolicyRule.DECLARED_WORKFLOW_EXISTS, PolicyResult.Status.FAIL, declared, 0, null,
                    prefix + "The declared publisher's pipeline file " + declared + " does not exist.",
                    "PyPI trusts the top-level pipeline file by path: restore " + declared + ", or update the"
                            + " publisher on PyPI and pypi.publisher.workflow together."));
            return;
        }
        String d = files.display(p);
        add(PolicyResult.pass(PolicyRule.DECLARED_WORKFLOW_EXISTS, d, prefix + "declared pipeline file exists"));
        YamlNode root = parse(p);
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
            add(new PolicyResult(PolicyRule.PUBLISH_JOB_PRESENT, PolicyResult.Status.FAIL, d, 0, null,
                    prefix + "No job's script runs mvn/mvnw with deploy or pypi:pypi-publish.",
                    "Add a publish job to " + d + " whose script runs `mvn pypi:pypi-publish`."));
            return;
        }
        GitLabRules.Job job = GitLabRules.choose(jobs, t.publisher().environment());
        add(PolicyResult.pass(PolicyRule.PUBLISH_JOB_PRESENT, d, prefix + "job '" + job.name() + "' runs the"
                + " publish"));
        GitLabRules.job(d, job, t, prefix, collector());
    }

    /** TestPyPI and PyPI publishers must use different environments. */
    private void separateEnvironments(List<PublishTarget> targets) {
        List<PublishTarget> test = new ArrayList<>();
        List<PublishTarget> real = new ArrayList<>();
        for (PublishTarget t : targets) {
            if (t.index() == PublishTarget.Index.TESTPYPI) {
                test.add(t);
            } else if (t.index() == PublishTarget.Index.PYPI) {
                real.add(t);
            }
        }
        if (test.isEmpty() || real.isEmpty()) {
            return;
        }
        boolean ok = true;
        for (PublishTarget a : test) {
            for (PublishTarget b : real) {
                String ea = a.publisher().environment();
                String eb = b.publisher().environment();
                if (ea == null || eb == null || ea.equalsIgnoreCase(eb)) {
                    ok = false;
                    String file = b.publisher().workflow() == null ? null : normalise(b.publisher().workflow());
                    add(new PolicyResult(PolicyRule.SEPARATE_INDEX_ENVIRONMENTS, PolicyResult.Status.FAIL, file, 0,
                            null, ea == null || eb == null
                                    ? "The TestPyPI and PyPI publishers do not both declare an environment ("
                                            + "TestPyPI: " + ea + ", PyPI: " + eb + "), so nothing keeps them apart."
                                    : "The TestPyPI and PyPI publishers both use environment '" + ea + "'.",
                            "Give each index its own environment and publisher, e.g. `testpypi` for TestPyPI and"
                                    + " `pypi` (with required reviewers) for PyPI, each in its own job, and declare"
                                    + " them in the two executions' pypi.publisher.environment."));
                }
            }
        }
        if (ok) {
            add(PolicyResult.pass(PolicyRule.SEPARATE_INDEX_ENVIRONMENTS, null,
                    "TestPyPI and PyPI publishers use different environments"));
        }
    }

    private List<PolicyResult> collector() {
        return new ArrayList<>() {
            @Override
            public boolean add(PolicyResult r) {
                PublishingPolicy.this.add(r);
                return true;
            }
        };
    }
}
