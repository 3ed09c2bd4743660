package io.github.yogs0ddhoth.pypi.policy;

import static io.github.yogs0ddhoth.pypi.policy.PolicyFixtures.pypi;
import static io.github.yogs0ddhoth.pypi.policy.PolicyFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import io.github.yogs0ddhoth.pypi.policy.PolicyResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths as they differ between operating systems: case (Windows and macOS find a file whatever the case, GitHub,
 * GitLab and PyPI do not), backslashes (a path pasted on Windows), and names a file system cannot hold (Windows
 * refuses {@code <>:"|?*}; a NUL, refused everywhere, stands in for them so the test means the same on every OS).
 */
class CaseAndPathSpellingTest {
    @TempDir
    Path tmp;

    private static List<PublishTarget> gitLab(String path) {
        return List.of(new PublishTarget("pypi", new PublisherDeclaration("group/project", path, "pypi", null)));
    }

    private static PolicyResult only(PolicyReport report, PolicyRule rule, Status status) {
        List<PolicyResult> rs = report.of(rule).stream().filter(r -> r.status() == status).toList();
        assertThat(rs).as(report.render()).hasSize(1);
        return rs.get(0);
    }

    @Test
    void aDeclaredWorkflowDifferingOnlyInCaseFailsAndNamesTheFileOnDisk() throws Exception {
        PolicyReport report = PublishingPolicy.check(repo("good", tmp), null, pypi("Publish.yml", "pypi"));

        assertThat(only(report, PolicyRule.DECLARED_WORKFLOW_EXISTS, Status.FAIL).message())
                .contains("The declared publisher's workflow .github/workflows/Publish.yml does not exist"
                        + " (.github/workflows/publish.yml does, differing only in case: GitHub, GitLab and PyPI"
                        + " compare the path exactly, on every OS).");
    }

    @Test
    void aGitLabPipelinePathDifferingOnlyInCaseFailsOnEveryOs() throws Exception {
        // On a case-insensitive disk (Windows, macOS) a plain existence check found .GitLab-CI.yml and passed.
        PolicyReport report = PublishingPolicy.check(repo("gitlab-good", tmp), null, gitLab(".GitLab-CI.yml"));

        assertThat(only(report, PolicyRule.DECLARED_WORKFLOW_EXISTS, Status.FAIL).message())
                .isEqualTo("The declared publisher's pipeline file .GitLab-CI.yml does not exist (.gitlab-ci.yml"
                        + " does, differing only in case: GitHub, GitLab and PyPI compare the path exactly, on every"
                        + " OS).");
    }

    @Test
    void aWorkflowPathWithBackslashesAsPastedOnWindowsIsAccepted() throws Exception {
        PolicyReport report = PublishingPolicy.check(repo("good", tmp), null,
                pypi(".github\\workflows\\publish.yml", "pypi"));

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(only(report, PolicyRule.DECLARED_WORKFLOW_EXISTS, Status.PASS).file())
                .isEqualTo(".github/workflows/publish.yml");
    }

    @Test
    void aPathNoFileSystemCanHoldIsAMissingFileNotACrash() throws Exception {
        Path root = repo("reusable-call", tmp);
        Path publish = root.resolve(".github/workflows/publish.yml");
        Files.writeString(publish, Files.readString(publish).replace("uses: ./.github/workflows/reusable-publish.yml",
                "uses: \"./.github/workflows/reusable\\0publish.yml\""));

        PolicyReport github = PublishingPolicy.check(root, null, pypi("publish.yml", "pypi"));
        PolicyReport gitlab = PublishingPolicy.check(repo("gitlab-good", tmp.resolve("g")), null,
                gitLab("ci/pipe\u0000line.yml"));

        assertThat(only(github, PolicyRule.REUSABLE_WORKFLOW, Status.WARN).message())
                .contains("calls the reusable workflow ./.github/workflows/reusable");
        assertThat(only(github, PolicyRule.PUBLISH_JOB_PRESENT, Status.FAIL)).isNotNull();
        assertThat(only(gitlab, PolicyRule.DECLARED_WORKFLOW_EXISTS, Status.FAIL).message())
                .startsWith("The declared publisher's pipeline file ci/pipe");
    }

    @Test
    void exactFileFollowsTheListingNotTheFileSystemsCaseRules() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("r"));
        Files.createDirectories(root.resolve(".github/workflows"));
        Files.writeString(root.resolve(".github/workflows/publish.yml"), "on: push\n");

        assertThat(WorkflowLocator.exactFile(root, ".github/workflows/publish.yml"))
                .isEqualTo(root.resolve(".github/workflows/publish.yml"));
        assertThat(WorkflowLocator.exactFile(root, "./.github//workflows/publish.yml")).isNotNull();
        assertThat(WorkflowLocator.exactFile(root, ".github/Workflows/publish.yml")).isNull();
        assertThat(WorkflowLocator.exactFile(root, ".github/workflows/../workflows/publish.yml")).isNull();
        assertThat(WorkflowLocator.exactFile(root, ".github/workflows")).isNull();
        assertThat(WorkflowLocator.caseTwin(root, ".GITHUB/workflows/PUBLISH.yml"))
                .isEqualTo(".github/workflows/publish.yml");
        assertThat(WorkflowLocator.caseTwin(root, ".github/workflows/other.yml")).isNull();
    }
}
