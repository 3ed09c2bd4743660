package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CiContextTest {
    /** Detection makes no HTTP call, so no client is needed; the host facts are values, none by default. */
    private static IdentityProvider detect(Map<String, String> env, String dmiProductName) throws IdentityException {
        return CiContext.of(env, dmiProductName).provider(null, new SecretMasker(null));
    }

    private static IdentityProvider detect(Map<String, String> env) throws IdentityException {
        return detect(env, null);
    }

    @Test
    void gitHubActions() throws Exception {
        assertThat(detect(Map.of("GITHUB_ACTIONS", "true"))).isInstanceOf(GitHubActionsIdentity.class);
    }

    @Test
    void gitLab() throws Exception {
        IdentityProvider provider = detect(Map.of("GITLAB_CI", "true"));
        assertThat(provider).isInstanceOf(GitLabCiIdentity.class);
        assertThat(provider.displayName()).isEqualTo("GitLab CI/CD");
    }

    @Test
    void aCiRunnerOnGoogleCloudPublishesAsTheCi() throws Exception {
        assertThat(detect(Map.of("GITHUB_ACTIONS", "true", "K_SERVICE", "svc")))
                .isInstanceOf(GitHubActionsIdentity.class);
        assertThat(detect(Map.of("GITLAB_CI", "true", "GCE_METADATA_HOST", "10.0.0.1")))
                .isInstanceOf(GitLabCiIdentity.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GCE_METADATA_HOST", "K_SERVICE", "CLOUD_RUN_JOB", "GOOGLE_CLOUD_PROJECT"})
    void googleCloudFromItsVariables(String variable) throws Exception {
        assertThat(detect(Map.of(variable, "x"))).isInstanceOf(GoogleCloudIdentity.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Google\n", "Google Compute Engine\n"})
    void googleCloudFromTheDmiProductName(String productName) throws Exception {
        assertThat(detect(Map.of(), productName)).isInstanceOf(GoogleCloudIdentity.class);
        assertThat(CiContext.of(Map.of(), productName).isSupported()).isTrue();
    }

    @Test
    void anotherMachineIsNotTakenForGoogle() throws Exception {
        assertThat(CiContext.of(Map.of("GITLAB_CI", "false"), "VirtualBox").isSupported()).isFalse();
        assertThatThrownBy(() -> detect(Map.of("GITLAB_CI", "false"), "VirtualBox"))
                .hasMessageContaining("No supported CI system was detected");
    }

    @Test
    void noCiExplainsEverySupportedOneAndActiveState() {
        assertThatThrownBy(() -> detect(Map.of()))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("GitHub Actions (GITHUB_ACTIONS=true)")
                .hasMessageContaining("GitLab CI/CD (GITLAB_CI=true)")
                .hasMessageContaining("Google Cloud")
                .hasMessageContaining("ActiveState")
                .hasMessageContaining("own build platform")
                .hasMessageContaining("-Dpypi.dryRun=true");
    }

    @Test
    void buildkiteIsNamedAsUntrustedByPypi() {
        assertThatThrownBy(() -> detect(Map.of("BUILDKITE", "true")))
                .hasMessageContaining("This looks like Buildkite")
                .hasMessageContaining("unknown trusted publishing issuer");
    }

    @Test
    void onlyGitLabGivesOneIdTokenPerJob() {
        assertThat(CiContext.of(Map.of("GITHUB_ACTIONS", "true"), null).canMintTwice()).isTrue();
        assertThat(CiContext.of(Map.of("GITLAB_CI", "true"), null).canMintTwice()).isFalse();
        assertThat(CiContext.of(Map.of("K_SERVICE", "svc"), null).canMintTwice()).isTrue();
        assertThat(CiContext.of(Map.of(), null).canMintTwice()).isFalse();
    }

    @Test
    void theJobSummaryAndOutputsAreGitHubsOnly() {
        Map<String, String> files = Map.of("GITHUB_STEP_SUMMARY", "/tmp/summary.md", "GITHUB_OUTPUT", "/tmp/out");
        CiContext gitHub = CiContext.of(with(files, "GITHUB_ACTIONS"), null);
        assertThat(gitHub.onGitHubActions()).isTrue();
        assertThat(gitHub.jobSummary()).isEqualTo(Path.of("/tmp/summary.md"));
        assertThat(gitHub.stepOutputs()).isEqualTo(Path.of("/tmp/out"));
        CiContext gitLab = CiContext.of(with(files, "GITLAB_CI"), null);
        assertThat(gitLab.onGitHubActions()).isFalse();
        assertThat(gitLab.jobSummary()).isNull();
        assertThat(gitLab.stepOutputs()).isNull();
    }

    @Test
    void aJobFileNoPathCanHoldIsNamedOnceAndNotUsed() {
        CiContext ci = CiContext.of(Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", "out\u0000put", "GITHUB_STEP_SUMMARY",
                " "), null);
        assertThat(ci.stepOutputs()).isNull();
        assertThat(ci.jobSummary()).isNull();
        assertThat(ci.unusableFiles()).singleElement().asString()
                .startsWith("Not writing to GITHUB_OUTPUT: out\u0000put is not a path this file system can hold");
    }

    private static Map<String, String> with(Map<String, String> env, String ciVariable) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put(ciVariable, "true");
        return all;
    }
}
