package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.policy.WorkflowLocator.CiFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishing policy as code: checks the repository's CI definitions against the declared trusted publishers, offline.
 * Maven-free; the {@code check} and {@code pypi-publish} goals call {@link #check(Path, Path, List)}.
 *
 * <p>This class runs the checks common to every CI (files found, stored credentials, separate TestPyPI and PyPI
 * environments) and hands each target to its CI's flow, {@link GitHubPolicy} or {@link GitLabPolicy}; all of them
 * write into one {@link PolicyFindings} and read the YAML through one {@link CiDocuments}.
 */
public final class PublishingPolicy {
    private final CiFiles files;
    private final PolicyFindings out = new PolicyFindings();
    private final CiDocuments docs;
    private final GitHubPolicy gitHub;
    private final GitLabPolicy gitLab;

    private PublishingPolicy(CiFiles files) {
        this.files = files;
        this.docs = new CiDocuments(files, out);
        this.gitHub = new GitHubPolicy(docs, out);
        this.gitLab = new GitLabPolicy(docs, out);
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
        return new PolicyReport(p.out.results());
    }

    private void run(List<PublishTarget> targets) {
        if (files.isEmpty()) {
            out.add(new PolicyResult(PolicyRule.CI_CONFIG_FOUND, PolicyResult.Status.WARN, null, 0, null,
                    "No .github/workflows/*.yml|*.yaml and no .gitlab-ci.yml found (" + files.searched()
                            + "); the publishing setup was not checked.",
                    "Run the build inside the repository, or point pypi.workflowsDirectory at the directory"
                            + " holding the workflows."));
            return;
        }
        out.add(PolicyResult.pass(PolicyRule.CI_CONFIG_FOUND, null, files.all().size() + " CI file(s) in "
                + files.searched()));
        readAll();
        targets = targets.isEmpty() ? List.of(new PublishTarget(null, null)) : targets;
        boolean several = targets.size() > 1;
        for (PublishTarget t : targets) {
            String prefix = several ? "[" + t.label() + "] " : "";
            switch (ci(t)) {
                case GITHUB:
                    gitHub.check(t, prefix);
                    break;
                case GITLAB:
                    gitLab.check(t, prefix);
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
                out.add(new PolicyResult(PolicyRule.WORKFLOW_PARSES, PolicyResult.Status.FAIL, d, 0, null,
                        "Cannot read: " + e.getMessage(), "Make the file readable UTF-8."));
                continue;
            }
            creds.addAll(CredentialRules.scanText(d, text));
            YamlNode root = docs.parse(f, d, text);
            if (root != null && !f.equals(files.gitLabCi())) {
                creds.addAll(CredentialRules.scanGitHubSteps(d, root));
            }
        }
        if (creds.isEmpty()) {
            out.add(PolicyResult.pass(PolicyRule.NO_STORED_CREDENTIALS, null, "no stored PyPI credential in "
                    + files.all().size() + " CI file(s)"));
        } else {
            creds.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line())
                    : a.file().compareTo(b.file()));
            out.addAll(creds);
        }
    }

    private enum Ci { GITHUB, GITLAB, NONE }

    private Ci ci(PublishTarget t) {
        String w = t.publisher().workflow();
        if (w == null) {
            if (t.publisher().email() != null && t.publisher().repository() == null) {
                return Ci.NONE; // Google Cloud: no workflow file to check.
            }
            return !files.gitHubWorkflows().isEmpty() ? Ci.GITHUB : files.gitLabCi() != null ? Ci.GITLAB : Ci.NONE;
        }
        w = CiDocuments.normalise(w);
        if (w.startsWith(GitHubPolicy.GITHUB_DIR)) {
            return Ci.GITHUB;
        }
        // Case ignored here only to tell GitLab from GitHub: a mis-cased .GitLab-CI.yml is then reported as such.
        if (w.toLowerCase(java.util.Locale.ROOT).endsWith(".gitlab-ci.yml") || w.contains("/")) {
            return Ci.GITLAB;
        }
        if (gitHub.gitHubWorkflow(w) != null || files.gitHubWorkflows().isEmpty() && files.root() != null
                && WorkflowLocator.exactFile(files.root(), w) != null && files.gitLabCi() != null) {
            return gitHub.gitHubWorkflow(w) != null ? Ci.GITHUB : Ci.GITLAB;
        }
        return Ci.GITHUB;
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
                    String file = b.publisher().workflow() == null ? null
                            : CiDocuments.normalise(b.publisher().workflow());
                    out.add(new PolicyResult(PolicyRule.SEPARATE_INDEX_ENVIRONMENTS, PolicyResult.Status.FAIL, file, 0,
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
            out.add(PolicyResult.pass(PolicyRule.SEPARATE_INDEX_ENVIRONMENTS, null,
                    "TestPyPI and PyPI publishers use different environments"));
        }
    }


}
