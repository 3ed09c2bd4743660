package io.github.yogs0ddhoth.pypi.policy;

import static io.github.yogs0ddhoth.pypi.policy.PolicyFixtures.gitHub;
import static io.github.yogs0ddhoth.pypi.policy.PolicyFixtures.pypi;
import static io.github.yogs0ddhoth.pypi.policy.PolicyFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import io.github.yogs0ddhoth.pypi.policy.PolicyResult.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishingPolicyTest {
    private static final String PUBLISH_YML = ".github/workflows/publish.yml";

    @TempDir
    Path tmp;

    private PolicyReport check(String fixture, List<PublishTarget> targets) throws Exception {
        Path root = repo(fixture, tmp);
        // Start below the root, as a module's basedir would.
        Path module = root.resolve("module");
        java.nio.file.Files.createDirectories(module);
        return PublishingPolicy.check(module, null, targets);
    }

    private static PolicyResult only(PolicyReport report, PolicyRule rule, Status status) {
        List<PolicyResult> rs = report.of(rule).stream().filter(r -> r.status() == status).toList();
        assertThat(rs).as(report.render()).hasSize(1);
        return rs.get(0);
    }

    @Test
    void goodSetupPassesQuietly() throws Exception {
        PolicyReport report = check("good", pypi("publish.yml", "pypi"));

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(report.warnings()).as(report.render()).isEmpty();
        assertThat(report.hasErrors(true)).isFalse();
        assertThat(report.results()).extracting(PolicyResult::rule).contains(PolicyRule.CI_CONFIG_FOUND,
                PolicyRule.NO_STORED_CREDENTIALS, PolicyRule.DECLARED_WORKFLOW_EXISTS,
                PolicyRule.PUBLISH_JOB_PRESENT, PolicyRule.ID_TOKEN_PERMISSION, PolicyRule.ENVIRONMENT_MATCHES,
                PolicyRule.NO_PULL_REQUEST_TARGET, PolicyRule.PULL_REQUEST_TRIGGER, PolicyRule.ID_TOKEN_JOB_LEVEL,
                PolicyRule.SEPARATE_BUILD_JOB);
        assertThat(report.render()).contains("PASS [environment-matches] " + PUBLISH_YML
                + ": job 'publish' uses environment 'pypi'")
                .endsWith("Publishing policy: PASSED (" + report.results().size() + " passed, 0 warning(s),"
                        + " 0 failure(s))");
        assertThat(report.results()).allMatch(r -> r.status() == Status.PASS);
    }

    @Test
    void renamedEnvironmentFailsWithLineAndFix() throws Exception {
        PolicyReport report = check("renamed-environment", pypi("publish.yml", "pypi"));

        PolicyResult r = only(report, PolicyRule.ENVIRONMENT_MATCHES, Status.FAIL);
        assertThat(r.file()).isEqualTo(PUBLISH_YML);
        assertThat(r.line()).isEqualTo(7);
        assertThat(r.path()).isEqualTo("jobs.publish.environment");
        assertThat(r.message()).contains("'release'", "'pypi'", "invalid-publisher");
        assertThat(r.fix()).contains("'pypi'", "pypi.publisher.environment");
        assertThat(report.hasErrors(false)).isTrue();
        assertThat(report.render()).contains("FAIL [environment-matches] " + PUBLISH_YML
                + ":7 (jobs.publish.environment): Job 'publish' uses environment 'release'");
    }

    @Test
    void environmentMatchIsCaseInsensitiveOnGitHub() throws Exception {
        PolicyReport report = check("renamed-environment", pypi("publish.yml", "RELEASE"));
        assertThat(only(report, PolicyRule.ENVIRONMENT_MATCHES, Status.PASS).message()).contains("'release'");
    }

    @Test
    void missingEnvironmentInJobFails() throws Exception {
        PolicyReport report = check("write-all", pypi("publish.yml", "production"));
        PolicyResult r = only(report, PolicyRule.ENVIRONMENT_MATCHES, Status.FAIL);
        assertThat(r.message()).contains("'pypi'", "'production'");
    }

    @Test
    void missingPermissionFails() throws Exception {
        PolicyReport report = check("missing-permission", pypi("publish.yml", "pypi"));

        PolicyResult r = only(report, PolicyRule.ID_TOKEN_PERMISSION, Status.FAIL);
        assertThat(r.file()).isEqualTo(PUBLISH_YML);
        assertThat(r.path()).isEqualTo("jobs.publish.permissions");
        assertThat(r.line()).isEqualTo(6);
        assertThat(r.message()).contains("Job 'publish'", "id-token: write", "default token permissions");
        assertThat(r.fix()).contains("permissions: {id-token: write");
    }

    @Test
    void jobLevelPermissionsReplaceTheWorkflows() throws Exception {
        PolicyReport report = check("job-permissions-replace", pypi("publish.yml", "pypi"));

        PolicyResult r = only(report, PolicyRule.ID_TOKEN_PERMISSION, Status.FAIL);
        assertThat(r.line()).isEqualTo(12);
        assertThat(r.message()).contains("the job's own `permissions:`",
                "The workflow-level grant does not reach this job.");
        // The workflow-level grant is also a least-privilege warning.
        PolicyResult w = only(report, PolicyRule.ID_TOKEN_JOB_LEVEL, Status.WARN);
        assertThat(w.line()).isEqualTo(5);
        assertThat(w.path()).isEqualTo("permissions.id-token");
    }

    @Test
    void writeAllCountsAndFoldedRunIsRecognised() throws Exception {
        PolicyReport report = check("write-all", pypi("publish.yml", "pypi"));

        assertThat(only(report, PolicyRule.ID_TOKEN_PERMISSION, Status.PASS)).isNotNull();
        assertThat(only(report, PolicyRule.PUBLISH_JOB_PRESENT, Status.PASS).message()).contains("'publish'");
        assertThat(report.failures()).as(report.render()).isEmpty();
    }

    @Test
    void workflowLevelPermissionAndBuildingInThePublishJobWarn() throws Exception {
        PolicyReport report = check("workflow-level-permission", pypi("publish.yml", "pypi"));

        assertThat(only(report, PolicyRule.ID_TOKEN_PERMISSION, Status.PASS)).isNotNull();
        PolicyResult level = only(report, PolicyRule.ID_TOKEN_JOB_LEVEL, Status.WARN);
        assertThat(level.file()).isEqualTo(PUBLISH_YML);
        assertThat(level.line()).isEqualTo(3);
        assertThat(level.message()).contains("granted to the whole workflow");
        assertThat(level.fix()).contains("jobs.publish.permissions");

        PolicyResult build = only(report, PolicyRule.SEPARATE_BUILD_JOB, Status.WARN);
        assertThat(build.line()).isEqualTo(11);
        assertThat(build.path()).isEqualTo("jobs.publish.steps[1].run");
        assertThat(build.message()).contains("python -m build");
        assertThat(build.fix()).contains("actions/upload-artifact", "actions/download-artifact");

        assertThat(report.hasErrors(false)).isFalse();
        assertThat(report.hasErrors(true)).isTrue();
        assertThat(report.render(true)).contains("FAIL [id-token-job-level]");
        assertThat(report.render(false)).contains("WARN [id-token-job-level] " + PUBLISH_YML
                + ":3 (permissions.id-token)");
        List<PolicyResult> notPassed = report.results().stream().filter(r -> r.status() != Status.PASS).toList();
        assertThat(notPassed).extracting(r -> r.effectiveStatus(false)).containsOnly(Status.WARN);
        assertThat(notPassed).extracting(r -> r.effectiveStatus(true)).containsOnly(Status.FAIL);
        assertThat(notPassed).extracting(PolicyResult::where).anyMatch(w -> w.startsWith(PUBLISH_YML + ":3"));
    }

    @Test
    void tokenSecretReferencesFailEverywhere() throws Exception {
        PolicyReport report = check("token-secret", pypi("publish.yml", "pypi"));

        List<PolicyResult> creds = report.of(PolicyRule.NO_STORED_CREDENTIALS);
        assertThat(creds).as(report.render()).allMatch(r -> r.status() == Status.FAIL)
                .allMatch(r -> r.file().equals(".github/workflows/legacy.yaml"))
                .allMatch(r -> r.message().contains("publish only with OIDC trusted publishing")
                        && r.message().contains("rotated by hand") && r.message().contains("nothing long-lived"));
        // The commented-out line 6 is ignored.
        assertThat(creds).extracting(PolicyResult::line).containsExactly(7, 10, 13, 13, 16);
        assertThat(creds.get(0).message()).contains("twine upload -p");
        assertThat(creds.get(1).message()).contains("`TWINE_PASSWORD`", "`secrets.PYPI_API_TOKEN`")
                .doesNotContain("`PYPI_API_TOKEN`");
        assertThat(creds).anyMatch(r -> r.message().contains("`password:` input to pypa/gh-action-pypi-publish")
                && "jobs.upload.steps[2].with.password".equals(r.path()));
        assertThat(creds).anyMatch(r -> r.line() == 13 && r.message().contains("`secrets.TEST_PYPI_TOKEN`"));
        assertThat(creds.get(4).message()).contains("`UV_PUBLISH_TOKEN`");
        assertThat(creds).allMatch(r -> r.fix().contains("revoke the token"));
        // The publishing workflow itself is fine.
        assertThat(report.of(PolicyRule.ID_TOKEN_PERMISSION)).extracting(PolicyResult::status)
                .containsExactly(Status.PASS);
    }

    @Test
    void wrongWorkflowFileNameFailsAndNamesTheOneThatPublishes() throws Exception {
        PolicyReport report = check("wrong-workflow-name", pypi("publish.yml", "pypi"));

        PolicyResult r = only(report, PolicyRule.DECLARED_WORKFLOW_EXISTS, Status.FAIL);
        assertThat(r.file()).isEqualTo(PUBLISH_YML);
        assertThat(r.message()).contains("does not exist", ".github/workflows/release.yml");
        assertThat(r.fix()).contains("update the publisher on PyPI");
    }

    @Test
    void declaredWorkflowAsPathIsAccepted() throws Exception {
        PolicyReport report = check("wrong-workflow-name", pypi("./.github/workflows/release.yml", "pypi"));
        assertThat(report.failures()).as(report.render()).isEmpty();
    }

    @Test
    void undeclaredWorkflowWarnsAndChecksTheOneThatPublishes() throws Exception {
        PolicyReport report = check("wrong-workflow-name",
                List.of(new PublishTarget("pypi", PublisherDeclaration.none())));

        PolicyResult r = only(report, PolicyRule.DECLARED_WORKFLOW_EXISTS, Status.WARN);
        assertThat(r.fix()).contains("pypi.publisher.workflow=release.yml");
        assertThat(only(report, PolicyRule.ENVIRONMENT_MATCHES, Status.WARN).message())
                .contains("'pypi'", "no pypi.publisher.environment");
    }

    @Test
    void reusableWorkflowCallWarns() throws Exception {
        PolicyReport report = check("reusable-call", pypi("publish.yml", "pypi"));

        PolicyResult r = only(report, PolicyRule.REUSABLE_WORKFLOW, Status.WARN);
        assertThat(r.file()).isEqualTo(PUBLISH_YML);
        assertThat(r.line()).isEqualTo(6);
        assertThat(r.path()).isEqualTo("jobs.release.uses");
        assertThat(r.message()).contains("job_workflow_ref", "called file", "not supported");
        // The called file's publish job is still checked.
        assertThat(only(report, PolicyRule.PUBLISH_JOB_PRESENT, Status.PASS).file())
                .isEqualTo(".github/workflows/reusable-publish.yml");
        assertThat(report.failures()).as(report.render()).isEmpty();
    }

    @Test
    void pullRequestTargetFailsAndPullRequestWarns() throws Exception {
        PolicyReport report = check("pull-request-target", pypi("publish.yml", "pypi"));

        PolicyResult prt = only(report, PolicyRule.NO_PULL_REQUEST_TARGET, Status.FAIL);
        assertThat(prt.file()).isEqualTo(PUBLISH_YML);
        assertThat(prt.line()).isEqualTo(2);
        assertThat(prt.message()).contains("pull_request_target", "not supported");
        PolicyResult pr = only(report, PolicyRule.PULL_REQUEST_TRIGGER, Status.WARN);
        assertThat(pr.line()).isEqualTo(3);
        assertThat(pr.message()).contains("forks get no OIDC token");
    }

    @Test
    void unparsableWorkflowFailsWithALine() throws Exception {
        PolicyReport report = check("broken-yaml", pypi("publish.yml", "pypi"));

        PolicyResult r = only(report, PolicyRule.WORKFLOW_PARSES, Status.FAIL);
        assertThat(r.file()).isEqualTo(PUBLISH_YML);
        assertThat(r.line()).isPositive();
        assertThat(r.message()).startsWith("Not valid YAML");
    }

    @Test
    void gitLabPipelineWithIdTokensAndExtendsPasses() throws Exception {
        PolicyReport report = check("gitlab-good", List.of(new PublishTarget("pypi",
                new PublisherDeclaration("group/project", ".gitlab-ci.yml", "pypi", null))));

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(report.warnings()).as(report.render()).isEmpty();
        assertThat(only(report, PolicyRule.GITLAB_ID_TOKEN, Status.PASS).message())
                .contains("PYPI_ID_TOKEN with aud pypi");
    }

    @Test
    void gitLabPipelineWithoutIdTokensFails() throws Exception {
        PolicyReport report = check("gitlab-no-id-tokens", List.of(new PublishTarget("pypi",
                new PublisherDeclaration("group/project", ".gitlab-ci.yml", "pypi", null))));

        PolicyResult r = only(report, PolicyRule.GITLAB_ID_TOKEN, Status.FAIL);
        assertThat(r.file()).isEqualTo(".gitlab-ci.yml");
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.path()).isEqualTo("publish.id_tokens");
        assertThat(r.message()).contains("declares no id_tokens");
        assertThat(r.fix()).contains("id_tokens: {PYPI_ID_TOKEN: {aud: pypi}}");
        assertThat(only(report, PolicyRule.ENVIRONMENT_MATCHES, Status.PASS)).isNotNull();
    }

    @Test
    void gitLabEnvironmentIsCaseSensitive() throws Exception {
        PolicyReport report = check("gitlab-no-id-tokens", List.of(new PublishTarget("pypi",
                new PublisherDeclaration("group/project", null, "PyPI", null))));

        PolicyResult r = only(report, PolicyRule.ENVIRONMENT_MATCHES, Status.FAIL);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.message()).contains("case-sensitively");
    }

    @Test
    void gitLabTestPyPiNeedsTheTestPyPiVariable() throws Exception {
        PolicyReport report = check("gitlab-testpypi", List.of(new PublishTarget("testpypi",
                new PublisherDeclaration("group/project", ".gitlab-ci.yml", "testpypi", null))));

        PolicyResult r = only(report, PolicyRule.GITLAB_ID_TOKEN, Status.FAIL);
        assertThat(r.message()).contains("TESTPYPI_ID_TOKEN", "TestPyPI");
        assertThat(r.fix()).contains("TESTPYPI_ID_TOKEN: {aud: testpypi}");
    }

    @Test
    void gitLabStoredTokenFails() throws Exception {
        PolicyReport report = check("gitlab-token", List.of(new PublishTarget("pypi",
                new PublisherDeclaration("group/project", ".gitlab-ci.yml", "pypi", null))));

        PolicyResult r = only(report, PolicyRule.NO_STORED_CREDENTIALS, Status.FAIL);
        assertThat(r.file()).isEqualTo(".gitlab-ci.yml");
        assertThat(r.line()).isEqualTo(8);
        assertThat(r.message()).contains("`TWINE_PASSWORD`", "`PYPI_API_TOKEN`").doesNotContain("PYPI_ID_TOKEN");
        // PYPI_ID_TOKEN on line 4 is the OIDC token, not a stored credential.
        assertThat(only(report, PolicyRule.GITLAB_ID_TOKEN, Status.PASS)).isNotNull();
    }

    @Test
    void everyCredentialTheGuardKnowsFailsInACiFileToo() {
        String ci = "script:\n"
                + "  - FLIT_PASSWORD=$X flit publish\n"
                + "  - hatch publish --user __token__  # HATCH_INDEX_AUTH comes from the settings\n"
                + "  - HATCH_INDEX_AUTH=$X POETRY_PYPI_TOKEN_PYPI=$Y true\n"
                + "  - curl -u __token__:pypi-AgEIcHlwaS5vcmcCJGE3ZjM1YzE0LTk5ZGItNDk2Zi1hMzUxLWM2ZjFkNDJl https://x\n"
                + "  - echo pypi-AgEIshort PYPI_ID_TOKEN\n";
        List<PolicyResult> found = CredentialRules.scanText(".gitlab-ci.yml", ci);
        assertThat(found).extracting(PolicyResult::line).containsExactly(2, 4, 5);
        assertThat(found.get(0).message()).contains("`FLIT_PASSWORD`");
        assertThat(found.get(1).message()).contains("`HATCH_INDEX_AUTH`", "`POETRY_PYPI_TOKEN_PYPI`");
        assertThat(found.get(2).message()).contains("a literal PyPI API token (pypi-AgE...)")
                .doesNotContain("pypi-AgEIcHlwaS5vcmc");
    }

    @Test
    void testPyPiAndPyPiWithDifferentEnvironmentsPass() throws Exception {
        PolicyReport report = check("two-indexes", List.of(
                new PublishTarget("testpypi", gitHub("publish.yml", "testpypi")),
                new PublishTarget("https://upload.pypi.org/legacy/", gitHub("publish.yml", "pypi"))));

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(only(report, PolicyRule.SEPARATE_INDEX_ENVIRONMENTS, Status.PASS)).isNotNull();
        // Each target is checked against its own job.
        assertThat(report.of(PolicyRule.ENVIRONMENT_MATCHES)).extracting(PolicyResult::message).containsExactly(
                "[TestPyPI] job 'publish-testpypi' uses environment 'testpypi'",
                "[PyPI] job 'publish-pypi' uses environment 'pypi'");
    }

    @Test
    void testPyPiAndPyPiSharingAnEnvironmentFail() throws Exception {
        PolicyReport report = check("two-indexes", List.of(
                new PublishTarget("https://test.pypi.org/legacy/", gitHub("publish.yml", "pypi")),
                new PublishTarget("pypi", gitHub("publish.yml", "pypi"))));

        PolicyResult r = only(report, PolicyRule.SEPARATE_INDEX_ENVIRONMENTS, Status.FAIL);
        assertThat(r.message()).contains("both use environment 'pypi'");
        assertThat(r.fix()).contains("its own environment");
    }

    @Test
    void noRepositoryRootWarns() throws Exception {
        PolicyReport report = PublishingPolicy.check(tmp, null, pypi("publish.yml", "pypi"));
        PolicyResult r = only(report, PolicyRule.CI_CONFIG_FOUND, Status.WARN);
        assertThat(r.message()).contains("not checked");
        assertThat(report.hasErrors(false)).isFalse();
        assertThat(report.hasErrors(true)).isTrue();
    }

    @Test
    void overrideDirectoryReplacesTheSearch() throws Exception {
        Path root = repo("renamed-environment", tmp);
        PolicyReport report = PublishingPolicy.check(tmp.resolve("elsewhere"),
                root.resolve(".github/workflows"), pypi("publish.yml", "release"));
        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(only(report, PolicyRule.ENVIRONMENT_MATCHES, Status.PASS).file()).isEqualTo("publish.yml");
    }
}
